"""The plugin's own tests: pytester runs inner test sessions for the options."""

pytest_plugins = ["pytester"]
