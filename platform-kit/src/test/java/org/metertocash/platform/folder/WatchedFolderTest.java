package org.metertocash.platform.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFolderTest {

    private static final Duration SETTLE = Duration.ofSeconds(1);

    @TempDir
    Path folder;

    private final List<String> received = new ArrayList<>();

    /** Accepts every file whose content is not "bad", as reference "ref-<n>". */
    private WatchedFolder.Taken intake(byte[] content, String name) {
        received.add(name + "=" + new String(content, StandardCharsets.UTF_8));
        String reference = "ref-" + received.size();
        return "bad".equals(new String(content, StandardCharsets.UTF_8)) ? WatchedFolder.Taken.rejected(reference)
                : WatchedFolder.Taken.processed(reference);
    }

    private Path drop(String name, String content, long secondsAgo) throws IOException {
        Path file = Files.writeString(folder.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - secondsAgo * 1000));
        return file;
    }

    @Test
    void settled_files_are_handed_over_oldest_first_and_moved_to_processed_or_rejected_with_the_reference() throws IOException {
        drop("b.csv", "bad", 60);
        drop("a.csv", "good", 120);

        int taken = new WatchedFolder(folder, SETTLE, "Test file").takeWaitingFiles(this::intake);

        assertThat(taken).isEqualTo(2);
        assertThat(received).containsExactly("a.csv=good", "b.csv=bad");
        assertThat(Files.readString(folder.resolve("processed/ref-1_a.csv"))).isEqualTo("good");
        assertThat(Files.readString(folder.resolve("rejected/ref-2_b.csv"))).isEqualTo("bad");
        assertThat(folder.resolve("a.csv")).doesNotExist();
        assertThat(folder.resolve("b.csv")).doesNotExist();
    }

    @Test
    void a_file_taken_without_a_copy_is_deleted_and_a_receipt_takes_its_place() throws IOException {
        drop("returns.ach", "101 account 123456789", 60);

        int taken = new WatchedFolder(folder, SETTLE, "Payment file")
                .takeWaitingFiles((content, name) -> WatchedFolder.Taken.processed("ref-9").withoutCopy());

        assertThat(taken).isEqualTo(1);
        assertThat(folder.resolve("returns.ach")).doesNotExist();
        assertThat(folder.resolve("processed/ref-9_returns.ach")).doesNotExist();
        String receipt = Files.readString(folder.resolve("processed/ref-9_returns.ach.stored"));
        assertThat(receipt).contains("returns.ach", "ref-9", "21 bytes").doesNotContain("123456789");
    }

    @Test
    void hidden_partial_and_unsettled_files_wait_and_a_file_taken_is_not_taken_again() throws IOException {
        for (String partial : List.of(".hidden.csv", "up.part", "up.TMP", "up.filepart", "up.partial")) {
            drop(partial, "good", 120);
        }
        drop("fresh.csv", "good", -60);
        drop("old.csv", "good", 120);
        WatchedFolder watched = new WatchedFolder(folder, SETTLE, "Test file");

        assertThat(watched.takeWaitingFiles(this::intake)).isEqualTo(1);
        assertThat(watched.takeWaitingFiles(this::intake)).isZero();

        assertThat(received).containsExactly("old.csv=good");
        assertThat(folder.resolve("fresh.csv")).exists();
        assertThat(folder.resolve("up.part")).exists();
        assertThat(folder.resolve(".hidden.csv")).exists();
    }

    @Test
    void a_file_whose_intake_fails_stays_in_the_folder_and_the_others_are_still_taken() throws IOException {
        drop("a.csv", "boom", 120);
        drop("b.csv", "good", 60);
        WatchedFolder watched = new WatchedFolder(folder, SETTLE, "Test file");

        int taken = watched.takeWaitingFiles((content, name) -> {
            if (name.equals("a.csv")) {
                throw new IOException("store unavailable");
            }
            return intake(content, name);
        });

        assertThat(taken).isEqualTo(1);
        assertThat(folder.resolve("a.csv")).exists();
        assertThat(folder.resolve("processed/ref-1_b.csv")).exists();
        assertThat(watched.takeWaitingFiles(this::intake)).isEqualTo(1);
        assertThat(folder.resolve("processed/ref-2_a.csv")).exists();
    }

    @Test
    void a_folder_that_does_not_exist_takes_nothing() {
        assertThat(new WatchedFolder(folder.resolve("missing"), SETTLE, "Test file").takeWaitingFiles(this::intake))
                .isZero();
    }
}
