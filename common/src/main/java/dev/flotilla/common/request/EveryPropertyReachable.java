package dev.flotilla.common.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import java.lang.annotation.ElementType;

/**
 * Lets Bean Validation check every property without asking the persistence layer first.
 *
 * <p>
 * With Hibernate ORM on the class path, Quarkus otherwise installs a resolver that asks, for
 * every property validated, whether JPA has loaded it, so that validating an entity never loads a
 * lazy association. Here only request bodies (records and plain classes) are validated, never
 * entities, so the question is never needed, and asking it showed in the CPU profile of every
 * validated request (bench/RESULTS.md, "Figures behind code comments").
 */
@ApplicationScoped
public class EveryPropertyReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
