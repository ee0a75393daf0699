package org.metertocash.dunning.collections;

/** Where an account stands in collections. Every account starts CURRENT when billing opens it. */
public enum CollectionState {
    CURRENT
}
