//! Render: the only code that touches the Document.
