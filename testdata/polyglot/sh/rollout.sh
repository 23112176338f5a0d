#!/bin/sh
# A shell wrapper: `flag_on new-ui` asks the flag service from a script.
flag_on() {
  curl -fsS "$FLAGS_URL/$1" | grep -q true
}

if flag_on checkout-v2; then
  echo "checkout v2 is on"
fi
enabled=$(flag_on 'new-ui' && echo yes)
flag_on "$FLAG_FROM_ENV"
