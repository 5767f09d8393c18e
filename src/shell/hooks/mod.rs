//! Custom Yew hooks.
//! (Several people edit this list: add your line, never rewrite the file.)
pub mod use_data_revision;
