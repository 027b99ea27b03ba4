package dev.flotilla.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large corpus of about 1 KB documents with the word statistics of a real one, generated
 * deterministically (same seed, same documents) from a seed corpus such as scifact.
 *
 * <p>
 * Each document takes a random seed document as its topic and draws its words from that
 * document (60 %) and from the whole seed corpus by frequency (40 %): document frequencies follow
 * the seed corpus's Zipf-shaped distribution and documents keep topical co-occurrences, so real
 * queries over it behave like real queries over a large real collection. Titles come from the
 * topic document's title; metadata {@code year} and {@code kind} and a tag give filters something to do.
 */
final class SyntheticCorpus {

    static final int TARGET_BYTES = 1000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
    private static final String[] KINDS = { "article", "review", "trial", "case-report", "letter" };
    private static final String[] TAGS = { "biology", "medicine", "genetics", "oncology", "immunology", "neuroscience",
            "cardiology", "epidemiology", "pharmacology", "public-health" };

    record Document(String id, String title, String body, int year, String kind, String tag) {
    }

    private final List<String[]> topicWords = new ArrayList<>();
    private final List<String[]> topicTitles = new ArrayList<>();
    private final List<String> allWords = new ArrayList<>();

    SyntheticCorpus(List<Ranking.Doc> seed) {
        for (Ranking.Doc d : seed) {
            String[] body = words(d.text());
            String[] title = words(d.title());
            if (body.length == 0 || title.length == 0) {
                continue;
            }
            topicWords.add(body);
            topicTitles.add(title);
            allWords.addAll(List.of(body));
        }
    }

    /** Document number {@code i}; the same {@code i} always gives the same document. */
    Document document(int i) {
        Random random = new Random(0x5EA4C4L * 31 + i);
        int topic = random.nextInt(topicWords.size());
        String[] own = topicWords.get(topic);
        String[] title = topicTitles.get(topic);
        StringBuilder titleText = new StringBuilder();
        int titleLength = Math.min(title.length, 4 + random.nextInt(8));
        int start = random.nextInt(title.length - titleLength + 1);
        for (int w = start; w < start + titleLength; w++) {
            titleText.append(w == start ? capitalise(title[w]) : title[w]).append(w + 1 < start + titleLength ? " " : "");
        }
        StringBuilder body = new StringBuilder(TARGET_BYTES + 100);
        int sentence = 0;
        while (body.length() < TARGET_BYTES) {
            String word = random.nextDouble() < 0.6 ? own[random.nextInt(own.length)]
                    : allWords.get(random.nextInt(allWords.size()));
            body.append(sentence == 0 ? capitalise(word) : word);
            sentence++;
            if (sentence >= 8 + random.nextInt(12)) {
                body.append(". ");
                sentence = 0;
            } else {
                body.append(' ');
            }
        }
        return new Document("syn-" + i, titleText.toString(), body.toString().strip(), 1990 + random.nextInt(36),
                KINDS[random.nextInt(KINDS.length)], TAGS[random.nextInt(TAGS.length)]);
    }

    /** A short query as people type them: two or three words of a document's title. */
    String shortQuery(int i, int corpusSize) {
        Random random = new Random(0x9E3779B9L + i);
        String[] title = words(document(random.nextInt(corpusSize)).title());
        List<String> picked = new ArrayList<>();
        int wanted = 2 + random.nextInt(2);
        for (int attempt = 0; attempt < 20 && picked.size() < wanted && title.length > 0; attempt++) {
            String word = title[random.nextInt(title.length)];
            if (word.length() > 3 && !picked.contains(word)) {
                picked.add(word);
            }
        }
        return String.join(" ", picked);
    }

    private static String[] words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words.toArray(String[]::new);
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
