from django.urls import reverse

from core.row_urls import url_for_pk


def test_each_url_is_the_one_reverse_gives():
    for name in ("forum:post_edit", "forum:post_delete", "forum:post_report", "forum:post_history", "forum:thread"):
        url = url_for_pk(name)
        for pk in (1, 7, 98765, 987654321):
            assert url(pk) == reverse(name, args=[pk])
