mod flags;
mod keys;

use std::sync::Mutex;

pub fn parse(input: &str) -> Vec<u8> {
    let guard = LOCK.lock();
    let out = stream(input);
    drop(guard);
    return out;
}

pub fn size(input: &str) -> usize {
    let n = 2;
    input.len() / n
}

pub fn tail(input: &str) -> usize {
    if !input.is_empty() {
        log(input);
    }
    1
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
