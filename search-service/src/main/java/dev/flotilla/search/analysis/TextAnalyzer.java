package dev.flotilla.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.DutchStemmer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns text into tokens for one language with Apache Lucene's analysis components, used as a
 * library: the standard (Unicode UAX#29) tokenizer, then per token lower-casing, the language's
 * stop words, accent folding and the language's stemmer (folding first, so that "brûlée" and
 * "brulee" stem alike). For English the chain is exactly Lucene's
 * {@code EnglishAnalyzer} (possessives, stop words, Porter) plus the folding.
 *
 * <p>
 * Each distinct raw token is analysed once and cached, which keeps indexing cheap. Thread-safe.
 */
public final class TextAnalyzer {

    private static final int CACHE_LIMIT = 500_000;
    private static final int MAX_WORD_LENGTH = 64;
    private static final CharArraySet FRENCH_ARTICLES = new CharArraySet(Arrays.asList(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);
    private static final CharArraySet ITALIAN_ARTICLES = new CharArraySet(Arrays.asList(
            "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl",
            "sugl", "un", "m", "t", "s", "v", "d"), true);

    private final Language language;
    private final Analyzer tokenizer;
    private final Analyzer stemmer;
    private final Analyzer folder;
    private final ConcurrentHashMap<String, Forms> cache = new ConcurrentHashMap<>();

    private record Forms(String word, String term) {
    }

    public TextAnalyzer(Language language) {
        this.language = language;
        this.tokenizer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(new StandardTokenizer());
            }
        };
        this.stemmer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, chain(language, source));
            }
        };
        this.folder = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new KeywordTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    public Language language() {
        return language;
    }

    /** Lower-casing, the language's stop words, accent folding, then the stemmer (which so sees folded words either way). */
    private static TokenStream chain(Language language, Tokenizer source) {
        return switch (language) {
            case ENGLISH -> new PorterStemFilter(fold(new StopFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)),
                    EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
            case FRENCH ->
                new FrenchLightStemFilter(fold(new StopFilter(new LowerCaseFilter(new ElisionFilter(source, FRENCH_ARTICLES)),
                        FrenchAnalyzer.getDefaultStopSet())));
            case GERMAN -> new GermanLightStemFilter(fold(new GermanNormalizationFilter(
                    new StopFilter(new LowerCaseFilter(source), GermanAnalyzer.getDefaultStopSet()))));
            case SPANISH -> new SpanishLightStemFilter(
                    fold(new StopFilter(new LowerCaseFilter(source), SpanishAnalyzer.getDefaultStopSet())));
            case ITALIAN ->
                new ItalianLightStemFilter(fold(new StopFilter(new LowerCaseFilter(new ElisionFilter(source, ITALIAN_ARTICLES)),
                        ItalianAnalyzer.getDefaultStopSet())));
            case PORTUGUESE -> new PortugueseLightStemFilter(fold(new StopFilter(new LowerCaseFilter(source),
                    PortugueseAnalyzer.getDefaultStopSet())));
            case DUTCH ->
                new SnowballFilter(fold(new StopFilter(new LowerCaseFilter(source), DutchAnalyzer.getDefaultStopSet())),
                        new DutchStemmer());
            case SIMPLE -> fold(new LowerCaseFilter(source));
        };
    }

    private static TokenStream fold(TokenStream input) {
        return new ASCIIFoldingFilter(input);
    }

    /** Every token of {@code text}, stop words included (with a null term) so positions stay true. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        try (TokenStream stream = tokenizer.tokenStream("f", new StringReader(text))) {
            CharTermAttribute chars = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = 0;
            while (stream.incrementToken()) {
                Forms forms = forms(chars.toString());
                tokens.add(new Token(forms.word(), forms.term(), position++, offsets.startOffset(), offsets.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The indexed terms of {@code text}, in order, stop words left out. */
    public List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).filter(t -> t != null).toList();
    }

    /** The surface form of a word as the vocabulary holds it: lower-cased and accent-folded. */
    public String word(String raw) {
        return single(folder, raw);
    }

    private Forms forms(String raw) {
        Forms forms = cache.get(raw);
        if (forms == null) {
            String word = single(folder, raw);
            String term = single(stemmer, raw);
            if (word != null && word.length() > MAX_WORD_LENGTH) {
                word = word.substring(0, MAX_WORD_LENGTH);
            }
            forms = new Forms(word, term);
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(raw, forms);
        }
        return forms;
    }

    private static String single(Analyzer analyzer, String raw) {
        try (TokenStream stream = analyzer.tokenStream("f", raw)) {
            CharTermAttribute chars = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String result = stream.incrementToken() ? chars.toString() : null;
            stream.end();
            return result == null || result.isEmpty() ? null : result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
