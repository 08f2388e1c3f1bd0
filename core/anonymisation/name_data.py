"""Large first-name and surname lists, read once from the Faker package (MIT licence) and kept in memory.

Case notes in England name people from every community: the detector's own short lists (`names.py`) cannot
know them all. Faker ships hand-kept person-name lists for dozens of locales; we read the Latin-script ones
that match the languages most spoken in England after English (Irish, Polish, Romanian, Lithuanian, Latvian,
Portuguese, Spanish, Italian, French, German, Turkish, Urdu and Hindi speakers' English-script names, Yoruba,
Igbo, Hausa, Twi, Swahili, Zulu...). Nothing is fetched from the network: the data is inside the installed
package. Loading takes a fraction of a second and is done on first use, then cached for the process.

Names that are also English words ("Hope", "Major", "Case") are held apart (`english_words`): they are read as
names only when the context says so.

Why Faker: it is MIT-licensed, maintained (monthly releases), already in the lock file, and its name lists are
small in memory (about 2.6 MB of sets here). gender-guesser's list (about 48,000 first names with per-country
frequencies) is GPLv3 code over GFDL data, unchanged since 2016; names-dataset (56 MB wheel, about 3 GB of memory
to load in full) was built from the leaked Facebook dump of 533 million accounts, which a product that exists to
protect people's personal data should not ship.
"""

from __future__ import annotations

import gzip
import importlib
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.anonymisation import names as words

# Faker locales read for names, all in Latin script.
LOCALES = (
    "en", "en_GB", "en_IE", "ga_IE", "en_US", "en_NZ", "en_IN", "en_PK", "en_KE", "en_NG", "yo_NG", "ig_NG",
    "ha_NG", "tw_GH", "sw", "zu_ZA", "pl_PL", "ro_RO", "lt_LT", "lv_LV", "pt_PT", "pt_BR", "es_ES", "it_IT",
    "fr_FR", "de_DE", "tr_TR", "cs_CZ", "sk_SK", "hu_HU", "hr_HR", "sl_SI", "id_ID", "vi_VN",
)  # fmt: skip

# Words in Faker's English word list that are mostly names in case notes.
_NAMES_IN_WORD_LIST = frozenset({"bill", "mark", "will", "may", "hope", "summer", "grace", "rose", "joy", "faith"})

# Ordinary English words, as a dictionary writes them in lower case (SCOWL, British English; see data/README.md).
DICTIONARY_FILE = Path(__file__).resolve().parent / "data" / "english-words.txt.gz"
# Words of the field the general dictionary lacks ("wellbeing", "criminogenic", "reablement").
CARE_WORDS_FILE = Path(__file__).resolve().parent / "data" / "care-words.txt"

_FIRST_NAME_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_SURNAME_ATTRIBUTES = ("last_names", "last_names_male", "last_names_female")


@dataclass(frozen=True)
class NameData:
    given_names: frozenset[str]  # first names that are not ordinary English words
    surnames: frozenset[str]  # surnames that are not ordinary English words
    english_words: frozenset[str]  # first names or surnames that are also English words ("Hope", "Mark")
    common_english: frozenset[str]  # about a thousand common English words, lower case (Faker's word list)
    dictionary: frozenset[str]  # about 63,000 words a dictionary writes in lower case: ordinary words, not names
    source: str
    load_seconds: float
    memory_bytes: int  # memory held by the sets above, as measured while loading


def _clean(entry: object) -> str | None:
    if not isinstance(entry, str) or not entry or " " in entry or not entry[0].isupper():
        return None
    if not all(char.isalpha() or char in "'-" for char in entry) or len(entry) < 2:
        return None
    return entry


def _read_locale(locale: str) -> tuple[set[str], set[str]]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    given: set[str] = set()
    surnames: set[str] = set()
    for attributes, into in ((_FIRST_NAME_ATTRIBUTES, given), (_SURNAME_ATTRIBUTES, surnames)):
        for attribute in attributes:
            entries = getattr(provider, attribute, None)
            if isinstance(entries, (list, tuple, dict, set, frozenset)):
                into.update(name for name in map(_clean, entries) if name)
    return given, surnames


def _build() -> NameData:
    import faker

    given: set[str] = set()
    surnames: set[str] = set()
    for locale in LOCALES:
        locale_given, locale_surnames = _read_locale(locale)
        given |= locale_given
        surnames |= locale_surnames
    given |= words.COMMUNITY_GIVEN_NAMES
    never = words.COMMON_WORDS | words.ORGANISATION_WORDS | words.TOWNS | words.DRUGS | words.MONTHS | words.WEEKDAYS
    never |= words.PLACES_ABROAD | words.CONDITION_EPONYMS
    english = (given | surnames) & (words.ENGLISH_WORDS_IN_NAME_DATA | words.AMBIGUOUS_GIVEN_NAMES)
    english -= words.GIVEN_NAMES
    common = frozenset(importlib.import_module("faker.providers.lorem.en_US").Provider.word_list)
    common = frozenset(word for word in common if word.isalpha() and word.islower()) - _NAMES_IN_WORD_LIST
    return NameData(
        given_names=frozenset(given - english - never),
        surnames=frozenset(surnames - english - never),
        english_words=frozenset(english),
        common_english=common,
        dictionary=_read_dictionary(),
        source=f"Faker {faker.VERSION} person names, {len(LOCALES)} locales; {DICTIONARY_FILE.name}",
        load_seconds=0.0,
        memory_bytes=0,
    )


def _read_dictionary() -> frozenset[str]:
    with gzip.open(DICTIONARY_FILE, "rt", encoding="utf-8") as handle:
        general = handle.read().split()
    care = [line.strip() for line in CARE_WORDS_FILE.read_text(encoding="utf-8").splitlines()]
    return frozenset(general + [word for word in care if word and not word.startswith("#")])


@lru_cache(maxsize=1)
def load_name_data() -> NameData:
    """The name lists, loaded on first call and cached for the life of the process."""
    started = time.perf_counter()
    data = _build()
    seconds = time.perf_counter() - started
    return NameData(
        data.given_names,
        data.surnames,
        data.english_words,
        data.common_english,
        data.dictionary,
        data.source,
        seconds,
        _size_of(data),
    )


def _size_of(data: NameData) -> int:
    """Bytes held by the sets and their strings."""
    total = 0
    for entries in (data.given_names, data.surnames, data.english_words, data.common_english, data.dictionary):
        total += sys.getsizeof(entries) + sum(sys.getsizeof(entry) for entry in entries)
    return total
