import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_EOL, csvField, defuseCell, isoInZone, lfToCrlf, quoteField, zonedStamps } from "./csv-format";

const KAZAKH = "Әсем Қанатқызы Ұлықбекова, Өскемен: ғ ң һ і ү";
const CYRILLIC = "Айгуль Нурланова";
const POLISH = "Zażółć gęślą jaźń Łukasz";

/** A file as the export writes it: header, CRLF after every record, optional BOM; read back by a real parser. */
function roundTrip(records: string[][], bom = false): { text: string; parsed: string[][] } {
  const text = (bom ? CSV_BOM : "") + records.map((r) => r.map(csvField).join(",") + CSV_EOL).join("");
  return { text, parsed: parse(text, { bom: true }) as string[][] };
}

describe("hand-built CSV", () => {
  it("quotes commas, quotes, CR and LF (bare or paired) and reads back unchanged", () => {
    const cells = ["a,b", 'say "hi"', "line\r\nbreak", "bare\nLF", "bare\rCR", '"', ",", "", " spaced "];
    const { text, parsed } = roundTrip([cells, ["plain", "x", "y", "z", "1", "2", "3", "4", "5"]]);
    expect(parsed[0]).toEqual(cells);
    expect(parsed[1]![0]).toBe("plain");
    expect(text.startsWith('"a,b","say ""hi""","line\r\nbreak","bare\nLF","bare\rCR","""",",",, spaced \r\n')).toBe(true);
  });

  it("defuses what a spreadsheet would run, and only that; a defused cell is still quoted when it must be", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(defuseCell(`${c}x`)).toBe(`'${c}x`);
    for (const safe of ["x=1", "1+1", "a-b", "me@example.org", "", "'quoted"]) expect(defuseCell(safe)).toBe(safe);
    const formula = '=HYPERLINK("http://x","y")';
    expect(csvField(formula)).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    const { parsed } = roundTrip([[formula, "-1+1", "@admin", "\tTabbed", "\rCR first", "+7 701 000 00 00"]]);
    expect(parsed[0]).toEqual([`'${formula}`, "'-1+1", "'@admin", "'\tTabbed", "'\rCR first", "'+7 701 000 00 00"]);
  });

  it("keeps Cyrillic, Kazakh and Polish letters in UTF-8, with a byte-order mark only when asked", () => {
    const { text, parsed } = roundTrip([["Name"], [CYRILLIC], [KAZAKH], [POLISH]], true);
    expect(parsed).toEqual([["Name"], [CYRILLIC], [KAZAKH], [POLISH]]);
    const bytes = Buffer.from(text, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from("Әсем Қанатқызы", "utf8"))).toBe(true);
    expect([...Buffer.from(roundTrip([[POLISH]]).text, "utf8").subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  });

  it("leaves header labels undefused but quoted as needed", () => {
    expect(quoteField("Signed up at")).toBe("Signed up at");
    expect(quoteField("Role, if any")).toBe('"Role, if any"');
    expect(quoteField("-")).toBe("-");
  });
});

describe("zoned time stamps", () => {
  it("match isoInZone second by second across offset changes, half hours and quarter hours", () => {
    const zones = [
      "UTC",
      "Europe/London",
      "Asia/Almaty",
      "Asia/Kathmandu",
      "America/St_Johns",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
      "America/Los_Angeles",
    ];
    // Around the 2026 European and American changes, and a stretch of ordinary days, in steps that are not round.
    const starts = [
      Date.UTC(2026, 2, 29, 0, 0),
      Date.UTC(2026, 9, 25, 0, 30),
      Date.UTC(2026, 2, 8, 9, 0),
      Date.UTC(2026, 3, 5, 14, 0),
      Date.UTC(2026, 10, 1, 8, 0),
    ];
    for (const zone of zones) {
      const stamp = zonedStamps(zone);
      for (const start of starts) {
        for (let t = start - 3 * 3_600_000; t < start + 3 * 3_600_000; t += 61_237) {
          expect(stamp(t / 1000), `${zone} ${new Date(t).toISOString()}`).toBe(isoInZone(new Date(t), zone));
        }
      }
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000 * 3 + 3_599_999) {
        expect(stamp(t / 1000)).toBe(isoInZone(new Date(t), zone));
      }
    }
  });

  it("drops fractions of a second as isoInZone does", () => {
    const stamp = zonedStamps("Asia/Almaty");
    expect(stamp(Date.UTC(2026, 9, 1, 9, 30, 0, 999) / 1000)).toBe("2026-10-01T14:30:00+05:00");
    expect(isoInZone(new Date("2026-07-20T11:00:00Z"), "America/St_Johns")).toBe("2026-07-20T08:30:00-02:30");
  });
});

describe("lfToCrlf", () => {
  const copyOutput = 'name,comment\nAna,"two\nlines, ""quoted"""\nBolat,\n"Ж\r\nК",x\n';
  const expected = 'name,comment\r\nAna,"two\nlines, ""quoted"""\r\nBolat,\r\n"Ж\r\nК",x\r\n';

  it("ends records with CRLF and keeps line breaks inside quoted fields as stored", () => {
    const out = lfToCrlf()([Buffer.from(copyOutput)]).toString("utf8");
    expect(out).toBe(expected);
    expect(parse(out)).toEqual([
      ["name", "comment"],
      ["Ana", 'two\nlines, "quoted"'],
      ["Bolat", ""],
      ["Ж\r\nК", "x"],
    ]);
  });

  it("gives the same bytes whichever way the stream is cut, inside quotes and letters too", () => {
    const bytes = Buffer.from(copyOutput);
    for (let size = 1; size <= bytes.length; size++) {
      const convert = lfToCrlf();
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      // Some calls get one piece, some several, as the export gathers what the server has sent.
      const out: Buffer[] = [];
      for (let i = 0; i < pieces.length; i += 1 + (i % 3)) out.push(convert(pieces.slice(i, i + 1 + (i % 3))));
      expect(Buffer.concat(out).toString("utf8"), `pieces of ${size}`).toBe(expected);
    }
  });
});
