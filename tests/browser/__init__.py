"""Browser tests: the lessons in real JupyterLab and Voila, driven by Playwright in Debian chromium."""
