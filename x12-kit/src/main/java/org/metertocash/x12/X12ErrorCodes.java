package org.metertocash.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * Translates StAEDI's validation errors into the X12 codes a 997 (and a TA1) carries: AK3-04 segment syntax
 * error codes (data element 718), AK4-03 element syntax error codes (723), AK5-05 transaction set and AK9-05
 * functional group error codes (717/716), TA1-05 interchange note codes (I18).
 */
public final class X12ErrorCodes {

    public static SyntaxError classify(EDIStreamValidationError type, String segmentTag, int segmentPosition,
            int elementPosition) {
        String tag = segmentTag == null ? "" : segmentTag;
        String what = type.name().toLowerCase().replace('_', ' ');
        // Control structure errors land on the trailer's elements; report them at their envelope level.
        if (type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT
                || type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            boolean count = type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT;
            return switch (tag) {
                case "SE" -> new SyntaxError(SyntaxError.Level.TRANSACTION, segmentPosition, tag, elementPosition,
                        count ? "4" : "3", count ? "number of included segments does not match actual count"
                                : "transaction set control number in header and trailer do not match");
                case "GE" -> new SyntaxError(SyntaxError.Level.GROUP, 0, tag, elementPosition, count ? "5" : "4",
                        count ? "number of included transaction sets does not match actual count"
                                : "group control number in header and trailer do not agree");
                default -> new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, tag, elementPosition,
                        count ? "021" : "001", count ? "invalid number of included groups"
                                : "interchange control number in header and trailer do not match");
            };
        }
        if ("ISA".equals(tag) || "IEA".equals(tag)) {
            return new SyntaxError(SyntaxError.Level.INTERCHANGE, 0, tag, elementPosition, interchangeNote(tag,
                    elementPosition), what);
        }
        if ("GS".equals(tag) || "GE".equals(tag)) {
            return new SyntaxError(SyntaxError.Level.GROUP, 0, tag, elementPosition, "1", what);
        }
        String segmentCode = switch (type) {
            case UNRECOGNIZED_SEGMENT_ID -> "1";
            case UNEXPECTED_SEGMENT -> "2";
            case MANDATORY_SEGMENT_MISSING, IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING,
                    CONDITIONAL_REQUIRED_SEGMENT_MISSING -> "3";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
            case SEGMENT_HAS_DATA_ELEMENT_ERRORS -> "8";
            default -> null;
        };
        if (segmentCode != null) {
            return new SyntaxError(SyntaxError.Level.SEGMENT, segmentPosition, tag, 0, segmentCode, what);
        }
        String elementCode = switch (type) {
            case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS, TOO_MANY_COMPONENTS, TOO_MANY_REPETITIONS -> "3";
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

    private static String interchangeNote(String tag, int elementPosition) {
        if ("ISA".equals(tag)) {
            return switch (elementPosition) {
                case 5, 6 -> "006"; // invalid interchange sender ID
                case 7, 8 -> "008"; // invalid interchange receiver ID
                case 9 -> "014"; // invalid interchange date value
                case 10 -> "015"; // invalid interchange time value
                case 11 -> "016"; // invalid interchange standards identifier
                case 12 -> "017"; // invalid interchange version ID
                case 13 -> "018"; // invalid interchange control number
                case 14 -> "019"; // invalid acknowledgment requested
                case 15 -> "020"; // invalid test indicator
                default -> "024"; // invalid interchange content
            };
        }
        return "024";
    }

    private X12ErrorCodes() {
    }
}
