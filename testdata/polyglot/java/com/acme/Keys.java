package com.acme;

final class Keys {
  static final String NEW_UI = "new-ui";
}
