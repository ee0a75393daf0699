package org.metertocash.dunning.notices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printed notice's template, {@code notices/<kind>.txt} on the classpath: plain text with {@code {{name}}}
 * placeholders. A line {@code # text} is the title, {@code ## text} a heading, {@code - text} a bullet; other lines
 * run together into a paragraph (line breaks kept) until a blank line. A line whose placeholder has no value is left
 * out (an empty second address line, a notice without a disconnect date). An unknown placeholder is an error. Pure.
 */
public final class NoticeTemplate {

    /** What a block of the filled template is. */
    public enum BlockType {
        TITLE, HEADING, PARAGRAPH, BULLET
    }

    /** One block of the filled template. */
    public record Block(BlockType type, String text) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9]+)\\s*}}");

    private final String name;
    private final List<String> lines;

    private NoticeTemplate(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    /** The template of a kind of notice. */
    public static NoticeTemplate of(NoticeKind kind) {
        String resource = "notices/" + kind.templateStem() + ".txt";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = NoticeTemplate.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no template " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new NoticeTemplate(resource, List.of(text.split("\r\n|\n|\r", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** The template filled with the values. */
    public List<Block> fill(Map<String, String> values) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines) {
            if (raw.isBlank()) {
                flush(paragraph, blocks);
                continue;
            }
            String line = substitute(raw, values);
            if (line == null) {
                continue; // a value it needs is empty
            }
            if (line.startsWith("# ")) {
                flush(paragraph, blocks);
                blocks.add(new Block(BlockType.TITLE, line.substring(2).trim()));
            } else if (line.startsWith("## ")) {
                flush(paragraph, blocks);
                blocks.add(new Block(BlockType.HEADING, line.substring(3).trim()));
            } else if (line.startsWith("- ")) {
                flush(paragraph, blocks);
                blocks.add(new Block(BlockType.BULLET, line.substring(2).trim()));
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append('\n');
                }
                paragraph.append(line.strip());
            }
        }
        flush(paragraph, blocks);
        return List.copyOf(blocks);
    }

    private String substitute(String line, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            if (!values.containsKey(key)) {
                throw new IllegalStateException(name + " uses {{" + key + "}}, which notices do not have");
            }
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(new Block(BlockType.PARAGRAPH, paragraph.toString()));
            paragraph.setLength(0);
        }
    }
}
