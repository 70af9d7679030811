//! Intercept: reading a bounded copy of a response, and the integrator's options.

mod options;
mod read;

pub use options::{Callback, Config};
pub use read::read_exchange;
