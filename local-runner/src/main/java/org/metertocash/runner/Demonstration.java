package org.metertocash.runner;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformProcesses;
import org.metertocash.testkit.platform.PlatformService;

/**
 * A small demonstration through the spine and the market conversation: three customers enroll, the gateway sends
 * their 814s, the market (simulated) accepts two and rejects one, billing opens the two accounts; then the wires
 * utilities confirm the starts (867_04 files dropped into the inbound folder, as SFTP delivers them), the
 * enrollments go ACTIVE, and a month of 15-minute usage (867_03) reaches billing as a meter read.
 */
final class Demonstration {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private record Customer(String name, String esiId, String line1, String city, String zip, String county,
            String requestType, String billingType, boolean accepted) {
    }

    private final PlatformProcesses platform;
    private final LocalApi api = new LocalApi();
    private final MarketSimulator market = new MarketSimulator();

    Demonstration(PlatformProcesses platform) {
        this.platform = platform;
    }

    void run() throws IOException, InterruptedException {
        long seed = System.currentTimeMillis() % 1_000_000_000L;
        List<Customer> customers = List.of(
                new Customer("Ana Ramirez", String.format("1044372%010d", seed), "1200 Elm St", "Dallas", "75201",
                        "Dallas", "SWITCH", "POSTPAY", true),
                new Customer("Ben Okafor", String.format("1008901%015d", seed), "800 Main St", "Houston", "77002",
                        "Harris", "MOVE_IN", "PREPAY", true),
                new Customer("Chloe Nguyen", String.format("1044372%010d", seed + 1), "300 Houston St", "Fort Worth",
                        "76102", "Tarrant", "SWITCH", "POSTPAY", false));

        say("1. Upstream posts three enrollments to enrollment-service (POST /enrollments)");
        Map<Customer, String> enrollments = new LinkedHashMap<>();
        for (Customer customer : customers) {
            LocalApi.Answer answer = api.postJson(platform.url(PlatformService.ENROLLMENT) + "/enrollments",
                    request(customer));
            if (answer.status() != 201) {
                throw new IllegalStateException("enrollment refused: " + answer.status() + " " + answer.body());
            }
            enrollments.put(customer, answer.body().path("id").asText());
            say("   %-13s %-22s %-8s -> %s %s", customer.name(), customer.esiId(), customer.requestType(),
                    answer.body().path("state").asText(), answer.body().path("id").asText());
        }

        say("2. edi-gateway writes an 814 per enrollment into %s", platform.ediOutbound());
        Map<Customer, Path> files = new LinkedHashMap<>();
        for (Customer customer : customers) {
            Path file = awaitFile(customer.esiId());
            files.put(customer, file);
            say("   %-13s %s", customer.name(), file.getFileName());
        }

        say("3. The market answers (simulated ERCOT): two accepts, one reject, posted to POST /edi/inbound");
        for (Customer customer : customers) {
            byte[] request = Files.readAllBytes(files.get(customer));
            byte[] answer = customer.accepted() ? market.accept(request, LocalDate.now().plusDays(3))
                    : market.reject(request, "SHF", "SWITCH HOLD ON PREMISE");
            LocalApi.Answer posted = api.postEdi(platform.url(PlatformService.EDI_GATEWAY) + "/edi/inbound", answer);
            say("   %-13s %s -> HTTP %d %s", customer.name(), customer.accepted() ? "814_05 accept"
                    : ("MOVE_IN".equals(customer.requestType()) ? "814_17" : "814_02") + " reject SHF",
                    posted.status(), posted.body() == null ? "" : posted.body().path("status").asText());
        }

        say("4. enrollment-service follows the answers; billing-service opens accounts for the accepted ones");
        List<String[]> rows = new ArrayList<>();
        for (Customer customer : customers) {
            String expected = customer.accepted() ? "ACCEPTED" : "REJECTED";
            LocalApi.Answer enrollment = awaitField(
                    platform.url(PlatformService.ENROLLMENT) + "/enrollments/" + enrollments.get(customer), "state",
                    expected);
            String outcome = customer.accepted()
                    ? "starts " + enrollment.body().path("scheduledStartDate").asText()
                    : enrollment.body().path("rejection").path("code").asText() + " "
                            + enrollment.body().path("rejection").path("text").asText();
            String account = "-";
            String cycle = "-";
            if (customer.accepted()) {
                LocalApi.Answer billing = awaitOk(platform.url(PlatformService.BILLING) + "/billing-accounts/"
                        + customer.esiId());
                account = billing.body().path("accountNumber").asText();
                cycle = billing.body().path("billCycle").asText();
            }
            rows.add(new String[] { customer.name(), customer.esiId(), expected, outcome, account, cycle });
        }
        say("");
        String row = "   %-13s %-22s %-10s %-27s %-12s %s";
        say(row, "customer", "ESI ID", "enrollment", "start date / reject reason", "account", "bill cycle");
        for (String[] values : rows) {
            say(row, (Object[]) values);
        }
        say("   The reject waits for an analyst: %s/exceptions?type=ENROLLMENT_REJECTED",
                platform.url(PlatformService.ENROLLMENT));

        say("5. The wires utilities confirm the starts: 867_04 initial reads dropped into %s", platform.ediInbound());
        LocalDate start = LocalDate.now().plusDays(3);
        for (Customer customer : customers) {
            if (!customer.accepted()) {
                continue;
            }
            TdspFiles utility = utilityOf(customer);
            Path drop = platform.ediInbound().resolve(utility.tdspDuns() + "_867_04_" + customer.esiId() + ".x12");
            Path partial = drop.resolveSibling(drop.getFileName() + ".part");
            Files.write(partial, utility.file(utility.initialRead(customer.esiId(), "M1", start,
                    new BigDecimal("40211"))));
            Files.move(partial, drop); // written under a temporary name and renamed, as SFTP servers do
            LocalApi.Answer enrollment = awaitField(
                    platform.url(PlatformService.ENROLLMENT) + "/enrollments/" + enrollments.get(customer), "state",
                    "ACTIVE");
            say("   %-13s %-40s -> enrollment %s from %s", customer.name(), drop.getFileName(),
                    enrollment.body().path("state").asText(), enrollment.body().path("serviceStartDate").asText());
        }

        Customer first = customers.get(0);
        say("6. A month of 15-minute usage for %s (867_03) reaches billing as one meter read", first.name());
        TdspFiles utility = utilityOf(first);
        LocalApi.Answer usage = api.postEdi(platform.url(PlatformService.EDI_GATEWAY) + "/edi/inbound",
                utility.file(utility.intervalUsage(first.esiId(), "M1", start, start.plusDays(30))));
        say("   POST /edi/inbound -> HTTP %d %s", usage.status(), usage.body() == null ? ""
                : usage.body().path("status").asText());
        LocalApi.Answer reads = awaitOk(platform.url(PlatformService.BILLING) + "/meter-reads?esiId=" + first.esiId(),
                body -> body.size() > 0);
        say("   meter %s, %s to %s: %s kWh in %s intervals (%s)", reads.body().path(0).path("meterNumber").asText(),
                reads.body().path(0).path("periodStart").asText(), reads.body().path(0).path("periodEnd").asText(),
                reads.body().path(0).path("totalKwh").asText(), reads.body().path(0).path("intervalCount").asText(),
                reads.body().path(0).path("status").asText());
        say("   Every market file was acknowledged with a 997 (%s/*_997_*); the transaction log: "
                + "%s/edi/transactions?esiId=%s", platform.ediOutbound(), platform.url(PlatformService.EDI_GATEWAY),
                first.esiId());
    }

    /** The wires utility of the premise: CenterPoint for 22-digit ESI IDs, Oncor for the others here. */
    private static TdspFiles utilityOf(Customer customer) {
        return customer.esiId().length() == 22
                ? new TdspFiles("957877905", "CENTERPOINT ENERGY", TdspFiles.RETAILER_DUNS)
                : new TdspFiles();
    }

    private static Map<String, Object> request(Customer customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("name", customer.name(), "email",
                customer.name().toLowerCase().replace(' ', '.') + "@example.com", "phone", "2145550100"));
        body.put("serviceAddress", Map.of("line1", customer.line1(), "city", customer.city(), "state", "TX", "zip",
                customer.zip(), "county", customer.county()));
        body.put("esiId", customer.esiId());
        body.put("productCode", "FIXED-12");
        body.put("billingType", customer.billingType());
        body.put("requestType", customer.requestType());
        body.put("requestedStartDate", LocalDate.now().plusDays(3).toString());
        return body;
    }

    private Path awaitFile(String esiId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> file = fileFor(esiId);
            if (file.isPresent()) {
                return file.get();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no 814 for " + esiId + " in " + platform.ediOutbound());
    }

    private Optional<Path> fileFor(String esiId) throws IOException {
        if (!Files.isDirectory(platform.ediOutbound())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(platform.ediOutbound())) {
            return files.filter(f -> !f.getFileName().toString().startsWith(".")).filter(f -> {
                try {
                    return Files.readString(f).contains("REF*Q5*" + esiId + "~");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst();
        }
    }

    private LocalApi.Answer awaitField(String url, String field, String expected)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            LocalApi.Answer answer = api.get(url);
            last = answer.body() == null ? null : answer.body().path(field).asText();
            if (expected.equals(last)) {
                return answer;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " " + field + " is " + last + ", expected " + expected);
    }

    private LocalApi.Answer awaitOk(String url) throws IOException, InterruptedException {
        return awaitOk(url, body -> true);
    }

    private LocalApi.Answer awaitOk(String url, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> ready)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            LocalApi.Answer answer = api.get(url);
            if (answer.status() == 200 && answer.body() != null && ready.test(answer.body())) {
                return answer;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + WAIT);
    }

    static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
    }
}
