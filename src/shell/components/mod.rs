//! One component per file.

pub mod calculator;
pub mod safety;
pub mod sites;
pub mod storage;
pub mod tabs;
