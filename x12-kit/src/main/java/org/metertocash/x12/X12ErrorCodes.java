package org.metertocash.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Translates StAEDI's validation errors into the X12 codes a 997 (and a TA1) carries, at the level that reports
 * them:
 * <ul>
 * <li>{@link SyntaxError.Level#INTERCHANGE}: TA1-05 interchange note codes (data element I18), e.g. 001 control
 * numbers differ, 006 invalid sender ID, 014 invalid date, 021 wrong group count, 022 invalid control structure,
 * 023 premature end, 024 invalid interchange content (an invalid GS segment), 026/027 invalid separators;</li>
 * <li>{@link SyntaxError.Level#GROUP}: AK9-05 functional group syntax error codes (716): 1 group not supported,
 * 2 version not supported, 3 trailer missing, 4 control numbers differ, 5 wrong transaction count, 6 control number
 * violates syntax;</li>
 * <li>{@link SyntaxError.Level#TRANSACTION}: AK5-02 transaction set syntax error codes (718): 1 not supported,
 * 2 trailer missing, 3 control numbers differ, 4 wrong segment count, 6 missing or invalid ST01, 7 missing or
 * invalid control number, 23 control number not unique within the group;</li>
 * <li>{@link SyntaxError.Level#SEGMENT}: AK3-04 segment syntax error codes (720): 1 to 8;</li>
 * <li>{@link SyntaxError.Level#ELEMENT}: AK4-03 data element syntax error codes (723): 1 to 10.</li>
 * </ul>
 * Errors StAEDI reports on the envelope segments (ISA, IEA, GS, GE, ST, SE) are reported at their envelope's level
 * with that level's code, never as AK3/AK4 notes: a 997 has no place for an ISA or GS element.
 */
public final class X12ErrorCodes {

    public static SyntaxError classify(EDIStreamValidationError type, String segmentTag, int segmentPosition,
            int elementPosition) {
        String tag = segmentTag == null ? "" : segmentTag;
        String what = type.name().toLowerCase().replace('_', ' ');
        boolean segmentLevel = elementPosition <= 0 && segmentCode(type) != null;
        return switch (tag) {
            case "ISA", "IEA" -> interchange(type, tag, elementPosition, segmentLevel, what);
            case "GS", "GE" -> group(type, tag, elementPosition, segmentLevel, what);
            case "ST", "SE" -> transaction(type, tag, segmentPosition, elementPosition, segmentLevel, what);
            default -> body(type, tag, segmentPosition, elementPosition, what);
        };
    }

    private static SyntaxError interchange(EDIStreamValidationError type, String tag, int elementPosition,
            boolean segmentLevel, String what) {
        String code;
        if (segmentLevel) {
            // a missing IEA is a premature end; any other misplaced ISA/IEA breaks the control structure
            code = "IEA".equals(tag) && isMissing(type) ? "023" : "022";
        } else if ("IEA".equals(tag)) {
            code = switch (elementPosition) {
                case 1 -> "021"; // invalid number of included groups value
                case 2 -> type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH ? "001" : "018";
                default -> "024";
            };
        } else {
            code = isaNote(elementPosition);
        }
        String description = switch (code) {
            case "001" -> "interchange control number in header and trailer do not match";
            case "021" -> "invalid number of included groups";
            default -> what;
        };
        return new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, tag, Math.max(elementPosition, 0), code, description);
    }

    /** TA1-05 for an error in an ISA element. */
    static String isaNote(int elementPosition) {
        return switch (elementPosition) {
            case 1 -> "010"; // invalid authorization information qualifier value
            case 2 -> "011"; // invalid authorization information value
            case 3 -> "012"; // invalid security information qualifier value
            case 4 -> "013"; // invalid security information value
            case 5 -> "005"; // invalid interchange ID qualifier for sender
            case 6 -> "006"; // invalid interchange sender ID
            case 7 -> "007"; // invalid interchange ID qualifier for receiver
            case 8 -> "008"; // invalid interchange receiver ID
            case 9 -> "014"; // invalid interchange date value
            case 10 -> "015"; // invalid interchange time value
            case 11 -> "016"; // invalid interchange standards identifier value
            case 12 -> "017"; // invalid interchange version ID value
            case 13 -> "018"; // invalid interchange control number value
            case 14 -> "019"; // invalid acknowledgment requested value
            case 15 -> "020"; // invalid test indicator value
            case 16 -> "027"; // invalid component element separator
            default -> "024"; // invalid interchange content
        };
    }

    private static SyntaxError group(EDIStreamValidationError type, String tag, int elementPosition,
            boolean segmentLevel, String what) {
        if (segmentLevel) {
            if ("GE".equals(tag) && isMissing(type)) {
                return new SyntaxError(SyntaxError.Level.GROUP, 0, tag, 0, "3", "functional group trailer missing");
            }
            // a GE without its GS, a GS where none may be: the interchange's control structure is broken
            return new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, tag, 0, "022", what);
        }
        boolean mismatch = type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH;
        boolean count = type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT;
        String code = "GS".equals(tag) ? switch (elementPosition) {
            case 1 -> "1"; // functional group not supported
            case 6 -> "6"; // group control number violates syntax
            case 8 -> "2"; // functional group version not supported
            default -> null;
        } : switch (elementPosition) {
            case 1 -> "5"; // number of included transaction sets does not match actual count
            case 2 -> mismatch ? "4" : "6"; // control numbers differ / violate syntax
            default -> null;
        };
        if (code == null) {
            // AK9 has no code for a bad GS date, time or application ID: TA1 024 names exactly this
            return new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, tag, elementPosition, "024",
                    "invalid GS segment: " + what);
        }
        String description = count ? "number of included transaction sets does not match actual count"
                : mismatch ? "group control number in header and trailer do not agree" : what;
        return new SyntaxError(SyntaxError.Level.GROUP, 0, tag, elementPosition, code, description);
    }

    private static SyntaxError transaction(EDIStreamValidationError type, String tag, int segmentPosition,
            int elementPosition, boolean segmentLevel, String what) {
        boolean mismatch = type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH;
        boolean count = type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT;
        String code;
        String description = what;
        if (segmentLevel) {
            if ("ST".equals(tag) && !isMissing(type)) {
                // an ST inside a transaction set: the one before it has no SE
                code = "2";
                description = "transaction set trailer missing (" + what + ": ST)";
            } else {
                code = "SE".equals(tag) ? "2" : "6";
            }
        } else if ("ST".equals(tag)) {
            code = switch (elementPosition) {
                case 1 -> "6"; // missing or invalid transaction set identifier
                case 2 -> "7"; // missing or invalid transaction set control number
                default -> null;
            };
        } else {
            code = switch (elementPosition) {
                case 1 -> "4"; // number of included segments does not match actual count
                case 2 -> mismatch ? "3" : "7";
                default -> null;
            };
            description = count ? "number of included segments does not match actual count"
                    : mismatch ? "transaction set control number in header and trailer do not match" : what;
        }
        if (code == null) {
            return body(type, tag, segmentPosition, elementPosition, what);
        }
        return new SyntaxError(SyntaxError.Level.TRANSACTION, segmentPosition, tag, Math.max(elementPosition, 0),
                code, description);
    }

    private static SyntaxError body(EDIStreamValidationError type, String tag, int segmentPosition,
            int elementPosition, String what) {
        String segmentCode = segmentCode(type);
        if (segmentCode != null) {
            return new SyntaxError(SyntaxError.Level.SEGMENT, segmentPosition, tag, 0, segmentCode, what);
        }
        String elementCode = switch (type) {
            case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING,
                    IMPLEMENTATION_TOO_FEW_REPETITIONS -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS, TOO_MANY_REPETITIONS,
                    IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT, IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> "3";
            case DATA_ELEMENT_TOO_SHORT -> "4";
            case DATA_ELEMENT_TOO_LONG -> "5";
            case INVALID_CHARACTER_DATA -> "6";
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> "7";
            case INVALID_DATE -> "8";
            case INVALID_TIME -> "9";
            case EXCLUSION_CONDITION_VIOLATED -> "10";
            default -> "6";
        };
        return new SyntaxError(SyntaxError.Level.ELEMENT, segmentPosition, tag, elementPosition, elementCode, what);
    }

    /** AK3-04 (720) for a segment-level error, null for an element-level one. */
    private static String segmentCode(EDIStreamValidationError type) {
        return switch (type) {
            case UNRECOGNIZED_SEGMENT_ID -> "1";
            case UNEXPECTED_SEGMENT, SEGMENT_EXCLUSION_CONDITION_VIOLATED,
                    IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT -> "2";
            case MANDATORY_SEGMENT_MISSING, IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING,
                    CONDITIONAL_REQUIRED_SEGMENT_MISSING, IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES,
                    IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE -> "3";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET, IMPLEMENTATION_UNUSED_SEGMENT_PRESENT -> "6";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> "8";
            default -> null;
        };
    }

    private static boolean isMissing(EDIStreamValidationError type) {
        return type == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING
                || type == EDIStreamValidationError.IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING
                || type == EDIStreamValidationError.CONDITIONAL_REQUIRED_SEGMENT_MISSING;
    }

    private X12ErrorCodes() {
    }
}
