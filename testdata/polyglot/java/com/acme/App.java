package com.acme;

class App {
  void run() {
    if (flags.is_enabled(Keys.NEW_UI)) {}
  }
}
