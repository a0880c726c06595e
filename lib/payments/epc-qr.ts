import { isValidBic, isValidIban, normaliseBic, normaliseIban } from "./iban";
import { centsToDecimal, decimalToCents } from "./money";

// The EPC069-12 "Quick Response Code" guideline (the "GiroCode" in Germany): a SEPA credit transfer
// as lines of text that banking apps read to fill in their transfer form.

/** One transfer as the QR code carries it. `bic` may be "" (version 002) for an IBAN inside the EEA. */
export type EpcTransfer = { bic: string; holder: string; iban: string; cents: number; reference: string };

/** 0.01 € to 999,999,999.99 €: the amounts the guideline allows. */
export const EPC_MIN_CENTS = 1;
export const EPC_MAX_CENTS = 99_999_999_999;

// QR version 13 at error correction M holds 331 bytes; the guideline caps the payload there so
// every scanner can read it.
const MAX_PAYLOAD_BYTES = 331;
const HOLDER_MAX = 70;
const REFERENCE_MAX = 140;

// Version 002 lets the BIC go only when both banks are in the EEA (EU plus IS, LI, NO); a Swiss or
// British account still needs it.
// prettier-ignore
const EEA = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS",
  "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
]);

// A line break would shift every later field, and a lone surrogate cannot be written as UTF-8.
const UNWRITABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u;

function checkedText(value: string, field: string, max: number, required: boolean): string {
  const text = value.trim();
  if (required && text === "") throw new Error(`EPC QR: the ${field} is empty`);
  if ([...text].length > max) throw new Error(`EPC QR: the ${field} is longer than ${max} characters`);
  if (UNWRITABLE.test(text)) throw new Error(`EPC QR: the ${field} contains a line break or control character`);
  return text;
}

function checkedTransfer(transfer: EpcTransfer): EpcTransfer {
  const iban = normaliseIban(transfer.iban);
  if (!isValidIban(iban)) throw new Error(`EPC QR: "${transfer.iban}" is not a valid IBAN`);
  const bic = normaliseBic(transfer.bic);
  if (bic !== "" && !isValidBic(bic)) throw new Error(`EPC QR: "${transfer.bic}" is not a valid BIC`);
  if (bic === "" && !EEA.has(iban.slice(0, 2))) throw new Error("EPC QR: an IBAN outside the EEA needs a BIC");
  const { cents } = transfer;
  if (!Number.isSafeInteger(cents) || cents < EPC_MIN_CENTS || cents > EPC_MAX_CENTS) {
    throw new Error(`EPC QR: the amount must be whole cents from 1 to ${EPC_MAX_CENTS}, got ${cents}`);
  }
  return {
    bic,
    holder: checkedText(transfer.holder, "account holder", HOLDER_MAX, true),
    iban,
    cents,
    reference: checkedText(transfer.reference, "reference", REFERENCE_MAX, false),
  };
}

/**
 * The EPC QR payload (version 002, UTF-8, SCT) for a transfer: the reference goes in the unstructured
 * remittance line; purpose and structured reference stay empty. Throws an Error naming the bad field
 * for an invalid IBAN, BIC, amount, holder or reference, or a payload over 331 bytes.
 */
export function epcPayload(transfer: EpcTransfer): string {
  const t = checkedTransfer(transfer);
  const lines = [
    "BCD",
    "002",
    "1",
    "SCT",
    t.bic,
    t.holder,
    t.iban,
    `EUR${centsToDecimal(t.cents)}`,
    "",
    "",
    t.reference,
  ];
  // The guideline forbids anything after the last filled field, so trailing empty lines go.
  while (lines.at(-1) === "") lines.pop();
  const payload = lines.join("\n");
  const bytes = new TextEncoder().encode(payload).length;
  if (bytes > MAX_PAYLOAD_BYTES) throw new Error(`EPC QR: the payload is ${bytes} bytes, more than 331`);
  return payload;
}

/**
 * Reads an EPC QR payload back (version 001 or 002, LF or CRLF, any character set number, since the
 * text is already decoded). A structured creditor reference is returned as `reference` when the
 * unstructured line is empty. Null when it is not a valid SCT payload with an amount.
 */
export function parseEpcPayload(text: string): EpcTransfer | null {
  const lines = text.split(/\r?\n/);
  if (lines.length < 7 || lines.length > 12) return null;
  const [tag, version, charset, id, bic = "", holder = "", iban = "", amount = "", , structured = "", remittance = ""] =
    lines;
  if (tag !== "BCD" || !/^00[12]$/.test(version ?? "") || !/^[1-8]$/.test(charset ?? "") || id !== "SCT") {
    return null;
  }
  if (version === "001" && bic === "") return null;
  const cents = amount.startsWith("EUR") ? decimalToCents(amount.slice(3)) : null;
  if (cents === null) return null;
  try {
    return checkedTransfer({ bic, holder, iban, cents, reference: remittance || structured });
  } catch {
    return null;
  }
}
