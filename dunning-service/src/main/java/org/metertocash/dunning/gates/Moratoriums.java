package org.metertocash.dunning.gates;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.dunning.gates.GateChange.Action;
import org.metertocash.dunning.gates.GateChange.Subject;
import org.metertocash.platform.workqueue.WorkQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Records, removes and imports extreme-weather moratoriums (16 TAC §25.483(j): decided per county, per day). A
 * moratorium change fires nothing: collections reads the day's moratoriums when it next evaluates an account (its day
 * turn or an event), and a disconnect held by one waits for the next eligible day.
 */
@ApplicationScoped
public class Moratoriums {

    private static final Logger LOG = Logger.getLogger(Moratoriums.class);

    /** What a PUT did: the moratorium, and whether it is new. */
    public record Recorded(Moratorium moratorium, boolean created) {
    }

    /** What became of an import file: its stored id, and either the moratoriums it recorded or why it was refused. */
    public record Imported(UUID importId, String sha256, MoratoriumImport.Status status, int lines, int recorded,
            int unchanged, List<MoratoriumCsv.Problem> problems) {
    }

    /** A bulk-import file was refused (reference: the import id); it is kept, with its problems by line. */
    public static final String MORATORIUM_IMPORT_REFUSED = "MORATORIUM_IMPORT_REFUSED";

    @Inject
    Clock clock;

    @Inject
    WorkQueue workQueue;

    /** Records the moratorium of a county on a day; the same call again changes nothing. */
    @Transactional
    public Recorded put(String county, LocalDate day, String reason, String actor) {
        Instant now = clock.instant();
        Optional<Moratorium> existing = find(county, day);
        if (existing.isPresent()) {
            Moratorium moratorium = existing.get();
            if (!Objects.equals(moratorium.reason, reason)) {
                GateChange.record(Subject.MORATORIUM, key(moratorium), null, Action.CHANGED, actor, now,
                        "reason '" + moratorium.reason + "' -> '" + reason + "'");
                moratorium.reason = reason;
            }
            return new Recorded(moratorium, false);
        }
        Moratorium moratorium = newMoratorium(county, day, reason, Moratorium.Source.API, null, actor, now);
        GateChange.record(Subject.MORATORIUM, key(moratorium), null, Action.RECORDED, actor, now, reason);
        return new Recorded(moratorium, true);
    }

    /** Removes the moratorium of a county on a day; false when there was none. */
    @Transactional
    public boolean remove(String county, LocalDate day, String actor) {
        Optional<Moratorium> existing = find(county, day);
        existing.ifPresent(moratorium -> {
            GateChange.record(Subject.MORATORIUM, key(moratorium), null, Action.REMOVED, actor, clock.instant(),
                    "was " + moratorium.source + (moratorium.reason == null ? "" : ": " + moratorium.reason));
            moratorium.delete();
        });
        return existing.isPresent();
    }

    @Transactional
    public List<Moratorium> on(LocalDate day) {
        return Moratorium.list("day", Sort.by("countyKey"), day);
    }

    @Transactional
    public Optional<Moratorium> find(String county, LocalDate day) {
        return Moratorium.<Moratorium> find("countyKey = ?1 and day = ?2", Moratorium.countyKey(county), day)
                .firstResultOptional();
    }

    @Transactional
    public List<GateChange> changes(String county, LocalDate day) {
        return GateChange.list("subject = ?1 and subjectKey = ?2 order by id", Subject.MORATORIUM,
                Moratorium.countyKey(county) + "/" + day);
    }

    /**
     * Imports a CSV file of moratoriums. The file is stored first, in its own transaction, so it is kept whatever
     * happens; then either every line is recorded (lines already recorded are left as they are) or, when any line is
     * wrong, nothing is and the file is marked refused with its problems.
     */
    public Imported importFile(byte[] content, String fileName, String actor) {
        String sha256 = sha256(content);
        UUID importId = QuarkusTransaction.requiringNew().call(() -> {
            MoratoriumImport file = new MoratoriumImport();
            file.id = UUID.randomUUID();
            file.fileName = fileName;
            file.sha256 = sha256;
            file.content = content;
            file.status = MoratoriumImport.Status.RECEIVED;
            file.receivedBy = actor;
            file.receivedAt = clock.instant();
            file.persist();
            return file.id;
        });
        MoratoriumCsv.Parsed parsed = MoratoriumCsv.parse(content);
        if (!parsed.valid()) {
            QuarkusTransaction.requiringNew().run(() -> {
                MoratoriumImport file = MoratoriumImport.findById(importId);
                file.status = MoratoriumImport.Status.REFUSED;
                file.lineCount = parsed.lineCount();
                file.imported = 0;
                file.problems = parsed.problems();
                MoratoriumCsv.Problem first = parsed.problems().get(0);
                GateChange.record(Subject.MORATORIUM_IMPORT, importId.toString(), null, Action.REFUSED, actor,
                        clock.instant(), parsed.problems().size() + " problem(s), first: line " + first.line() + ": "
                                + first.reason());
                workQueue.raise(MORATORIUM_IMPORT_REFUSED, null, importId.toString(), "Moratorium file "
                        + (fileName == null ? importId : fileName) + " was refused, nothing imported: "
                        + parsed.problems().size() + " problem(s), first on line " + first.line() + ": "
                        + first.reason(), Map.of("importId", importId.toString(), "sha256", sha256,
                                "receivedBy", actor, "problems", parsed.problems()));
            });
            LOG.infof("Moratorium import %s (%s) refused: %d problem(s)", importId, fileName, parsed.problems().size());
            return new Imported(importId, sha256, MoratoriumImport.Status.REFUSED, parsed.lineCount(), 0, 0,
                    parsed.problems());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int recorded = 0;
            for (MoratoriumCsv.Line line : parsed.lines()) {
                if (find(line.county(), line.day()).isPresent()) {
                    continue;
                }
                Moratorium moratorium = newMoratorium(line.county(), line.day(), line.reason(),
                        Moratorium.Source.IMPORT, importId, actor, now);
                GateChange.record(Subject.MORATORIUM, key(moratorium), null, Action.RECORDED, actor, now,
                        "import " + importId + " line " + line.number());
                recorded++;
            }
            MoratoriumImport file = MoratoriumImport.findById(importId);
            file.status = MoratoriumImport.Status.IMPORTED;
            file.lineCount = parsed.lineCount();
            file.imported = recorded;
            GateChange.record(Subject.MORATORIUM_IMPORT, importId.toString(), null, Action.IMPORTED, actor, now,
                    recorded + " moratorium(s) recorded, " + (parsed.lines().size() - recorded) + " already there");
            return new Imported(importId, sha256, MoratoriumImport.Status.IMPORTED, parsed.lineCount(), recorded,
                    parsed.lines().size() - recorded, List.of());
        });
    }

    private static Moratorium newMoratorium(String county, LocalDate day, String reason, Moratorium.Source source,
            UUID importId, String actor, Instant now) {
        Moratorium moratorium = new Moratorium();
        moratorium.id = UUID.randomUUID();
        moratorium.county = Moratorium.countyName(county);
        moratorium.countyKey = Moratorium.countyKey(county);
        moratorium.day = day;
        moratorium.reason = reason;
        moratorium.source = source;
        moratorium.importId = importId;
        moratorium.recordedBy = actor;
        moratorium.recordedAt = now;
        moratorium.persist();
        return moratorium;
    }

    private static String key(Moratorium moratorium) {
        return moratorium.countyKey + "/" + moratorium.day;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
