//! Catalog: a diagnosis in, localized words an end user can act on out.
