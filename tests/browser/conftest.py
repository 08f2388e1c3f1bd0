from playwright.sync_api import expect

from tests.browser.worker import background_tasks  # noqa: F401 (the fixture)

# A busy 2-core machine (CI, or parallel test processes) can take several seconds to answer a form that imports or
# renders a PDF: expectations wait up to 15 s instead of Playwright's 5 s, so slowness is not mistaken for failure.
expect.set_options(timeout=15_000)
