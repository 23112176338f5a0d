mod flags;
mod keys;

use std::sync::Mutex;

pub fn parse(input: &str) -> Vec<u8> {
    slow(input)
}

pub fn size(input: &str) -> usize {
    return input.len();
}

pub fn tail(input: &str) -> usize {
    0
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
