#!/bin/sh
# A key inside an expansion's default is a word too.
cmd="${1:-id}"
