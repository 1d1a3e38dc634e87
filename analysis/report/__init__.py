"""The report "Input for the integration concept": one model, rendered as HTML, PDF, DOCX,
XLSX and CSV."""
