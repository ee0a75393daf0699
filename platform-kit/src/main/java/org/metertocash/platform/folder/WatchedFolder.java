package org.metertocash.platform.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A folder partners (or their SFTP) drop files into, taken file by file: each complete file's bytes are handed to an
 * {@link Intake}, then the file moves to {@code processed/} or {@code rejected/} inside the folder, its name prefixed
 * with the reference the intake gives (the stored file's id), so the folder shows what is still waiting and nothing
 * is read twice. A file is complete when it is not hidden, does not end in {@code .part}/{@code .tmp}/
 * {@code .filepart}/{@code .partial} (the names upload clients write under) and has not changed for the settle time.
 * Files are taken oldest first; a file that cannot be taken stays where it is and is tried again on the next call.
 */
public final class WatchedFolder {

    private static final Logger LOG = Logger.getLogger(WatchedFolder.class);
    /** Names upload clients write under until the upload is complete. */
    static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".filepart", ".partial");
    /** Where a file goes once its intake has accepted it. */
    public static final String PROCESSED = "processed";
    /** Where a file goes once its intake has refused it. */
    public static final String REJECTED = "rejected";

    /**
     * What became of one file handed to the intake. A file whose content must not stay on disk in clear (bank account
     * numbers) is not moved but deleted, once stored: a receipt {@code <reference>_<name>.stored} takes its place.
     */
    public record Taken(String reference, boolean rejected, boolean keepCopy) {

        public Taken {
            Objects.requireNonNull(reference, "reference");
        }

        /** Accepted: the file moves to {@code processed/} as {@code <reference>_<name>}. */
        public static Taken processed(Object reference) {
            return new Taken(String.valueOf(reference), false, true);
        }

        /** Refused: the file moves to {@code rejected/} as {@code <reference>_<name>}. */
        public static Taken rejected(Object reference) {
            return new Taken(String.valueOf(reference), true, true);
        }

        /** The same, but the file is deleted and only its receipt is left (the intake keeps it, encrypted). */
        public Taken withoutCopy() {
            return new Taken(reference, rejected, false);
        }
    }

    /** Receives one complete file, stored before this returns; says where the file goes. */
    @FunctionalInterface
    public interface Intake {
        Taken take(byte[] content, String fileName) throws IOException;
    }

    private final Path folder;
    private final Duration settle;
    private final String what;

    /**
     * @param folder the folder watched; nothing is taken while it does not exist
     * @param settle how long a file must stay unchanged before it is taken
     * @param what   what the folder's files are called in the log, e.g. "Payment file"
     */
    public WatchedFolder(Path folder, Duration settle, String what) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.what = Objects.requireNonNull(what, "what");
    }

    /** Takes every complete file waiting in the folder, oldest first; returns how many were taken. */
    public int takeWaitingFiles(Intake intake) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> waiting;
        try (Stream<Path> files = Files.list(folder)) {
            waiting = files.filter(Files::isRegularFile).filter(this::complete)
                    .sorted(Comparator.comparing(WatchedFolder::modified)).toList();
        } catch (IOException e) {
            LOG.warnf("%s folder %s cannot be listed: %s", what, folder, e.toString());
            return 0;
        }
        int taken = 0;
        for (Path file : waiting) {
            try {
                take(file, intake);
                taken++;
            } catch (IOException | RuntimeException e) {
                // left in place and tried again on the next call; an intake recognises a file it has stored before
                LOG.errorf(e, "%s %s could not be taken; it stays in the folder", what, file);
            }
        }
        return taken;
    }

    private void take(Path file, Intake intake) throws IOException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        Taken result = Objects.requireNonNull(intake.take(content, name), "intake result");
        Path target = folder.resolve(result.rejected() ? REJECTED : PROCESSED);
        Files.createDirectories(target);
        if (result.keepCopy()) {
            Files.move(file, target.resolve(result.reference() + "_" + name), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.writeString(target.resolve(result.reference() + "_" + name + ".stored"), what + " " + name + " ("
                    + content.length + " bytes) is kept by the service as " + result.reference()
                    + "; the file was removed from this folder because it holds data that is only stored encrypted\n");
            Files.delete(file);
        }
    }

    private boolean complete(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || IN_PROGRESS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
            return false;
        }
        // file times are the file system's wall clock, not business time: compared with the wall clock
        return modified(file).toMillis() + settle.toMillis() < System.currentTimeMillis();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE / 2);
        }
    }
}
