package org.metertocash.edi.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;

/** The X12 reader and writer, sharing one cache of loaded schemas. */
@Singleton
public class X12Beans {

    private final X12Schemas schemas = new X12Schemas();

    @Produces
    @Singleton
    X12Reader reader() {
        return new X12Reader(schemas);
    }

    @Produces
    @Singleton
    X12Writer writer() {
        return new X12Writer(schemas);
    }
}
