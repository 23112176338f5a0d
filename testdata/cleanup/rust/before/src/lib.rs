mod flags;
mod keys;

use crate::keys::FAST_PARSE;
use std::sync::Mutex;

pub fn parse(input: &str) -> Vec<u8> {
    if flags::is_enabled(FAST_PARSE) {
        let guard = LOCK.lock();
        let out = stream(input);
        drop(guard);
        return out;
    } else {
        slow(input)
    }
}

pub fn size(input: &str) -> usize {
    let fast = flags::is_enabled("fast-parse");
    if !fast {
        return input.len();
    }
    let n = if fast { 2 } else { 1 };
    input.len() / n
}

pub fn tail(input: &str) -> usize {
    if flags::is_enabled("fast-parse") && !input.is_empty() {
        log(input);
    }
    if flags::is_enabled("fast-parse") { 1 } else { 0 }
}

static LOCK: Mutex<()> = Mutex::new(());

fn stream(input: &str) -> Vec<u8> {
    input.bytes().collect()
}

fn slow(input: &str) -> Vec<u8> {
    input.bytes().rev().collect()
}

fn log(input: &str) {
    eprintln!("{input}");
}
