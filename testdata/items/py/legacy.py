# The same name as in app.py, with another value.
KEY = "beta"
