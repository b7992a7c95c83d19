"""Export and import of everything the client has (docs/export-format.md describes the format).

- `write_json_export` / `write_csv_export`: the whole profile as one JSON file (lossless,
  re-importable) or as a zip of spreadsheet-friendly CSV files;
- `read_export` + `import_document`, or `import_file`: check a JSON export whole, then merge
  it in one transaction (records already here, matched by uuid, are left as they are).

Long runs report `progress(done, total)`; refusals are `ExchangeError`s (KapError) that say
nothing was changed.
"""

from kapcompanion.exchange.errors import (
    ExchangeError,
    ExportFileExistsError,
    ExportWriteError,
    ForeignFileError,
    ImportConflictError,
    ImportTooLargeError,
    ImportUnreadableError,
    IncompleteExportError,
    InvalidExportError,
    NewerExportError,
    SpreadsheetExportError,
)
from kapcompanion.exchange.export_csv import write_csv_export
from kapcompanion.exchange.export_json import export_document, to_json_text, write_json_export
from kapcompanion.exchange.import_json import import_document, import_file, read_export
from kapcompanion.exchange.records import ProgressCallback
from kapcompanion.exchange.schema import FORMAT_NAME, FORMAT_VERSION
from kapcompanion.exchange.summary import ExportSummary, ImportSummary
from kapcompanion.exchange.validation import ExportDocument, parse_export

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ExchangeError",
    "ExportDocument",
    "ExportFileExistsError",
    "ExportSummary",
    "ExportWriteError",
    "ForeignFileError",
    "ImportConflictError",
    "ImportSummary",
    "ImportTooLargeError",
    "ImportUnreadableError",
    "IncompleteExportError",
    "InvalidExportError",
    "NewerExportError",
    "ProgressCallback",
    "SpreadsheetExportError",
    "export_document",
    "import_document",
    "import_file",
    "parse_export",
    "read_export",
    "to_json_text",
    "write_csv_export",
    "write_json_export",
]
