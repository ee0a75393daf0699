package org.metertocash.payment.autopay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The folder auto-draft files are written to for the bank's transfer ({@code payment.autopay.outbound}). A file
 * appears whole or not at all: it is written beside its final name with {@code .part} and then renamed, so a transfer
 * that polls the folder never takes half a file.
 */
@ApplicationScoped
public class OutboundFolder {

    @Inject
    AutopayConfig config;

    public Path folder() {
        return Path.of(config.outbound());
    }

    /** Writes (or writes again, the same name meaning the same day's file) a file into the folder. */
    public Path write(String fileName, byte[] content) {
        try {
            Path folder = folder();
            Files.createDirectories(folder);
            Path target = folder.resolve(fileName);
            Path part = folder.resolve(fileName + ".part");
            Files.write(part, content);
            try {
                return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + fileName + " to " + config.outbound(), e);
        }
    }
}
