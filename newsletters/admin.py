from newsletters import digest_admin  # noqa: F401 - registers the digest models
