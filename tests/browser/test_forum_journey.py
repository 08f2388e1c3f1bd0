"""A member of one site asks a question on the programme board; a member of another site replies; the first is
emailed about the reply and sees it marked new, on the home page and in the thread."""

from forum.models import Post, Thread
from tests.browser.test_case_journey import sign_in
from tests.factories import MembershipFactory, SiteFactory

QUESTION = "Anyone found a way into dual-diagnosis services in Stoke?"
REPLY = "In Brighton the dual-diagnosis worker takes referrals straight from housing support."


def test_a_question_on_the_programme_board_is_answered_from_another_site(page, live_server, transactional_db,
                                                                          mailoutbox):  # fmt: skip
    stoke = SiteFactory(code="CP4", town="Stoke-on-Trent")
    brighton = SiteFactory(code="CP1", town="Brighton")
    asker = MembershipFactory(site=stoke, person__email="asker@example.org", person__name="Ash Asker").person
    MembershipFactory(site=brighton, person__email="member@example.org", person__name="Morgan Member")

    # A member in Stoke asks the whole programme.
    sign_in(page, live_server, asker.email)
    page.get_by_role("link", name="Forum", exact=True).click()
    page.get_by_role("link", name="Programme board").click()
    page.get_by_role("link", name="Start a topic").click()
    page.get_by_label("Title").fill(QUESTION)
    page.get_by_label("Your post").fill("We keep being told the person must stop drinking first. How did you get in?")
    page.get_by_role("button", name="Post the topic").click()
    assert "Your post is up." in page.locator(".alert-success").inner_text()
    thread = Thread.objects.get(title=QUESTION)

    # A member in Brighton sees the new topic marked, and replies.
    sign_in(page, live_server, "member@example.org")
    page.get_by_role("link", name="Forum", exact=True).click()
    page.get_by_role("link", name="Programme board").click()
    row = page.locator("tr.topic-row", has_text=QUESTION)
    assert "1 new" in row.inner_text()
    row.get_by_role("link", name=QUESTION).click()
    page.get_by_label("Your post").fill(REPLY)
    page.get_by_role("button", name="Post", exact=True).click()
    assert "Your post is up." in page.locator(".alert-success").inner_text()
    reply = Post.objects.get(thread=thread, body=REPLY)

    # The asker is emailed about the reply, once.
    to_asker = [m for m in mailoutbox if m.to == [asker.email]]
    assert len(to_asker) == 1
    assert QUESTION in to_asker[0].subject and REPLY in " ".join(to_asker[0].body.split())
    assert f"/forum/threads/{thread.pk}/#post-{reply.pk}" in to_asker[0].body

    # Back in the forum, the asker sees the reply marked new: on the home page, then in the thread.
    sign_in(page, live_server, asker.email)
    panel = page.locator("section", has=page.get_by_role("heading", name="New in the forum since your last visit"))
    assert QUESTION in panel.inner_text() and "1 new" in panel.inner_text()
    panel.get_by_role("link", name=QUESTION).click()
    new_post = page.locator(f"#post-{reply.pk}")
    assert "New" in new_post.locator(".new-badge").inner_text()
    assert REPLY in new_post.inner_text() and "Morgan Member" in new_post.inner_text()
    assert page.locator(".new-badge").count() == 1  # their own question is not news to them
    assert "1 new post since you last read this thread" in page.locator("#unread-summary").inner_text()
