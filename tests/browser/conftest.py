from tests.browser.worker import background_tasks  # noqa: F401 (the fixture)
