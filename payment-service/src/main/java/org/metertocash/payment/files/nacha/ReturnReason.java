package org.metertocash.payment.files.nacha;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * NACHA return reason codes (addenda type 99, positions 04–06) with the meaning the NACHA Operating Rules give
 * them. Codes run from R01 to R85; {@link #isReturnCode(String)} accepts any code of that shape, {@link #of(String)}
 * names the ones listed here.
 */
public enum ReturnReason {

    R01("Insufficient funds"),
    R02("Account closed"),
    R03("No account / unable to locate account"),
    R04("Invalid account number structure"),
    R05("Unauthorized debit to consumer account using corporate SEC code"),
    R06("Returned per ODFI's request"),
    R07("Authorization revoked by customer"),
    R08("Payment stopped"),
    R09("Uncollected funds"),
    R10("Customer advises not authorized, improper, ineligible or part of an incomplete transaction"),
    R11("Customer advises entry not in accordance with the terms of the authorization"),
    R12("Account sold to another DFI"),
    R13("Invalid ACH routing number"),
    R14("Representative payee deceased or unable to continue in that capacity"),
    R15("Beneficiary or account holder deceased"),
    R16("Account frozen / entry returned per OFAC instruction"),
    R17("File record edit criteria / entry with invalid account number initiated under questionable circumstances"),
    R18("Improper effective entry date"),
    R19("Amount field error"),
    R20("Non-transaction account"),
    R21("Invalid company identification"),
    R22("Invalid individual ID number"),
    R23("Credit entry refused by receiver"),
    R24("Duplicate entry"),
    R25("Addenda error"),
    R26("Mandatory field error"),
    R27("Trace number error"),
    R28("Routing number check digit error"),
    R29("Corporate customer advises not authorized"),
    R30("RDFI not participant in check truncation program"),
    R31("Permissible return entry (CCD and CTX only)"),
    R32("RDFI non-settlement"),
    R33("Return of XCK entry"),
    R34("Limited participation DFI"),
    R35("Return of improper debit entry"),
    R36("Return of improper credit entry"),
    R37("Source document presented for payment"),
    R38("Stop payment on source document"),
    R39("Improper source document / source document presented for payment"),
    R50("State law affecting RCK acceptance"),
    R51("Item related to RCK entry is ineligible or RCK entry is improper"),
    R52("Stop payment on item related to RCK entry"),
    R53("Item and RCK entry presented for payment"),
    R61("Misrouted return"),
    R62("Return of erroneous or reversing debit"),
    R67("Duplicate return"),
    R68("Untimely return"),
    R69("Field error(s)"),
    R70("Permissible return entry not accepted / return not requested by ODFI"),
    R71("Misrouted dishonored return"),
    R72("Untimely dishonored return"),
    R73("Timely original return"),
    R74("Corrected return"),
    R75("Return not a duplicate"),
    R76("No errors found"),
    R77("Non-acceptance of R62 dishonored return"),
    R80("IAT entry coding error"),
    R81("Non-participant in IAT program"),
    R82("Invalid foreign receiving DFI identification"),
    R83("Foreign receiving DFI unable to settle"),
    R84("Entry not processed by gateway"),
    R85("Incorrectly coded outbound international payment");

    private static final Map<String, ReturnReason> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ReturnReason::name, Function.identity()));

    private final String description;

    ReturnReason(String description) {
        this.description = description;
    }

    public String code() {
        return name();
    }

    public String description() {
        return description;
    }

    public static Optional<ReturnReason> of(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code.strip()));
    }

    /** R01 to R85. */
    public static boolean isReturnCode(String code) {
        if (code == null || code.length() != 3 || code.charAt(0) != 'R' || code.charAt(1) < '0' || code.charAt(1) > '9'
                || code.charAt(2) < '0' || code.charAt(2) > '9') {
            return false;
        }
        int number = Integer.parseInt(code.substring(1));
        return number >= 1 && number <= 85;
    }

    /** The description of a listed code, else "Return reason Rnn". */
    public static String describe(String code) {
        return of(code).map(ReturnReason::description).orElse("Return reason " + code);
    }
}
