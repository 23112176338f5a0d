//! Tests of cleanup, language by language.
