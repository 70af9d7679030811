//! Intercept: reading a bounded copy of a response, and the options.
