"""Write bench/data/anonymisation_corpus.jsonl: labelled UK case-note passages.

Deterministic (seeded). Generated passages come from many sentence templates; a set
of hand-written passages is included as literal data with spans located by substring.
The name lists here only partly overlap the detector's lists on purpose, so the
benchmark measures the context and capitalisation heuristics rather than the lists.

Run: python bench/make_anonymisation_corpus.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20240611
OUTPUT = Path(__file__).resolve().parent / "data" / "anonymisation_corpus.jsonl"
GENERATED_WITH_IDENTIFIERS = 190
GENERATED_CLEAN = 110


def word_list(block: str) -> list[str]:
    return block.split()


# --- Name lists (partly outside the detector's lists) ------------------------------------

FEMALE_NAMES = word_list(
    """
Sarah Emma Laura Rebecca Gemma Kirsty Leanne Natasha Chantelle Siobhan Aisha Fatima Priya Megan
Chloe Jodie Kayleigh Danielle Stacey Nicola Amina Agnieszka Niamh Rhiannon Shanice Zainab
Tanisha Keeley Shenice Tamika Dominika Renata Ioana Olamide Yetunde Bukola Tendai Sunita Rukhsana
Gurpreet Jaswinder Kezia Roisin Dionne Marcia Shazia Nasreen Tahmina Ugne Jurgita Ewelina
Precious Grace Hope Destiny Marlena Lorna Bernadette Philippa Anastasia Oksana
"""
)
MALE_NAMES = word_list(
    """
Jamie Kieran Liam Connor Darren Wayne Craig Lee Dean Ryan Callum Jordan Tyrone Kwame Mohammed
Imran Tariq Piotr Tomasz Declan Ciaran Gareth Rhys Shane Scott Marcus Aaron Dylan Kyle
Kacper Oluwaseun Chidi Deshawn Marley Kenzie Reuben Torin Lennox Keanu Jaylen Mariusz Grzegorz
Andrei Florin Bogdan Mihai Femi Tunde Segun Kayode Farhan Rizwan Kamran Errol Desmond Mervyn
Lenny Clifford Fergus Bradlee Taye Will Mark Vasile Arturas Nikolai Jovan
"""
)
SURNAMES = word_list(
    """
Smith Jones Williams Taylor Brown Davies Evans Wilson Thompson Walker Edwards Hughes Patel Khan
Begum Hussain Ahmed Murphy Kelly O'Brien McCarthy Doherty Nowak Kowalski Mensah Owusu Campbell
Robinson Clarke Harris Lewis Morgan Bennett Collins Shaw Reid Byrne Walsh Quinn Gallagher
Okafor Adebayo Kowalczyk Zielinski Popescu Ionescu Sandhu Dhillon Grewal Nwosu Fairclough
Pennington Whitfield Cartwright Entwistle Blenkinsop Trelawney Mulholland Donnelly McGuinness
Farrelly Tierney Szymanski Wojcik Jankowski Petrauskas Kazlauskas Balogun Ogunleye Afolabi
Asante Boakye Ncube Moyo Chowdhury Siddiqui Qureshi Malik Raza Hosseini Haddad Yilmaz Demir
Achebe Oyelaran Hemsworth Marchetti Rossiter Greenhalgh Stubbs Lowther Prendergast Mahoney
"""
)
NICKNAMES = word_list("Kaz Smiler Tiny Jonno Gaz Baz Shaz Daz Mo Tel Stevo Deano Macca Bex Kez Lou Scouse Ginge Dodger")

TITLES = {"f": ["Ms", "Mrs", "Miss"], "m": ["Mr"]}
WORKER_TITLES = ["Dr", "Dr", "Prof"]

# --- Look-alikes that are never personal data --------------------------------------------

AGENCIES = [
    "Mind",
    "Shelter",
    "St Mungo's",
    "Turning Point",
    "the Probation Service",
    "Job Centre Plus",
    "the Salvation Army",
    "Citizens Advice",
    "Change Grow Live",
    "Crisis",
    "Centrepoint",
    "Women's Aid",
    "the Samaritans",
    "Thames Reach",
    "Humankind",
    "the YMCA",
    "Emmaus",
    "Refuge",
    "Nacro",
    "Barnardo's",
    "Oasis Project",
    "the Trussell Trust foodbank",
    "the Brighton Housing Trust",
    "Rethink",
    "StreetLink",
    "the Forward Trust",
    "Victim Support",
    "Age UK",
    "the Big Issue",
    "Depaul",
]
ROLES = [
    "Community Psychiatric Nurse",
    "Housing Officer",
    "Social Worker",
    "Probation Officer",
    "Support Worker",
    "Outreach Worker",
    "Team Manager",
    "Senior Practitioner",
    "Care Coordinator",
    "Peer Mentor",
    "Duty Social Worker",
    "Approved Mental Health Professional",
    "Liaison Nurse",
    "Ward Manager",
    "Staff Nurse",
    "Consultant Psychiatrist",
    "Navigator",
    "Recovery Worker",
    "Key Worker",
    "IDVA",
]
SERVICES = [
    "A&E",
    "Accident and Emergency",
    "the Crisis Team",
    "the Home Treatment Team",
    "the Royal Sussex County Hospital",
    "the Emergency Department",
    "the Community Mental Health Team",
    "the Rough Sleeper Team",
    "Housing Options",
    "the Early Help hub",
    "the MASH",
    "the drug and alcohol service",
    "the needle exchange",
    "the day centre",
    "the night shelter",
    "Liaison Psychiatry",
    "the Assertive Outreach Team",
    "NHS 111",
    "the GP surgery",
    "the walk-in centre",
    "the Adult Social Care front door",
    "the Leaving Care Team",
    "Children's Services",
]
TOWNS = [
    "Brighton",
    "Halifax",
    "Colchester",
    "Stoke-on-Trent",
    "Tower Hamlets",
    "Workington",
    "London",
    "Hastings",
    "Peacehaven",
    "Seaford",
    "Gravesend",
    "Whitstable",
    "Barnsley",
    "Blackpool",
    "Hull",
    "Lewisham",
    "Margate",
    "Rochdale",
    "Swindon",
    "Wigan",
    "Hangleton",
    "Morecambe",
    "Grimsby",
]
DRUGS = [
    "Methadone",
    "Subutex",
    "Diazepam",
    "Olanzapine",
    "Spice",
    "Pregabalin",
    "Buvidal",
    "Naloxone",
    "Zopiclone",
    "Mirtazapine",
    "crack",
    "heroin",
    "Sertraline",
    "Quetiapine",
    "Lorazepam",
    "cannabis",
]
MONTHS = word_list("January February March April May June July August September October November December")
WEEKDAYS = word_list("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

# --- Identifier value generators ---------------------------------------------------------

NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NI_SECOND = "ABCEGHJKLMNPRSTWXYZ"
NI_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}
POSTCODE_OUTWARDS = [
    "BN1",
    "BN2",
    "BN3",
    "BN41",
    "E1",
    "E8",
    "E14",
    "SW1A",
    "SW9",
    "SE15",
    "N17",
    "NW10",
    "W1D",
    "EC1V",
    "WC1N",
    "M14",
    "M8",
    "L8",
    "B12",
    "B19",
    "LS7",
    "NE6",
    "CF24",
    "G51",
    "BS5",
    "NG7",
    "S2",
    "CA14",
    "CO1",
    "HX1",
    "ST4",
    "HU3",
    "FY1",
    "TN34",
    "CT9",
    "OL11",
    "SN1",
    "WN5",
    "LA4",
    "DN31",
    "PL1",
    "EH7",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
STREET_WORDS = [
    "Park",
    "Church",
    "Station",
    "Victoria",
    "Coleridge",
    "Hanover",
    "Elm",
    "Mill",
    "Queens",
    "Albion",
    "Ditchling",
    "Lewes",
    "Whitehawk",
    "Carden",
    "Moulsecoomb",
    "Brunswick",
    "Marlborough",
    "Cavendish",
    "Tennyson",
    "Bexhill",
    "Kingsway",
    "Oakwood",
    "Larkspur",
    "Ferndale",
    "Highfield",
    "Granville",
    "St Leonard's",
    "Bramble",
    "Cromwell",
    "Nelson",
    "Gladstone",
    "Windmill",
    "Sutherland",
    "Old Shoreham",
]
STREET_SUFFIXES = [
    "Road",
    "Street",
    "Lane",
    "Avenue",
    "Close",
    "Court",
    "Drive",
    "Way",
    "Crescent",
    "Terrace",
    "Place",
    "Gardens",
    "Grove",
    "Walk",
    "Row",
    "Hill",
    "Mews",
    "Rise",
    "Parade",
    "Square",
]
EMAIL_DOMAINS = ["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "icloud.com", "live.co.uk"]


def nhs_number(rng: random.Random) -> str:
    while True:
        digits = [rng.choice([4, 6, 7])] + [rng.randrange(10) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            text = "".join(map(str, digits + [check]))
            return rng.choice([f"{text[:3]} {text[3:6]} {text[6:]}", text, f"{text[:3]}-{text[3:6]}-{text[6:]}"])


def nhs_number_bad_check(rng: random.Random) -> str:
    while True:
        text = "".join(str(rng.randrange(10)) for _ in range(10))
        total = sum(int(d) * w for d, w in zip(text[:9], range(10, 1, -1), strict=True))
        check = (11 - total % 11) % 11
        if text[0] != "0" and str(check) != text[9]:
            return f"{text[:3]} {text[3:6]} {text[6:]}"


def ni_number(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(NI_FIRST) + rng.choice(NI_SECOND)
        if prefix not in NI_BAD:
            break
    digits = "".join(str(rng.randrange(10)) for _ in range(6))
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{prefix}{digits}{suffix}"
    return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"


def postcode(rng: random.Random) -> str:
    inward = f"{rng.randrange(10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return f"{rng.choice(POSTCODE_OUTWARDS)} {inward}"


def phone(rng: random.Random) -> str:
    def digits(count: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(count))

    forms = [
        lambda: f"07{digits(3)} {digits(6)}",
        lambda: f"07{digits(3)} {digits(3)} {digits(3)}",
        lambda: f"07{digits(9)}",
        lambda: f"01273 {digits(6)}",
        lambda: f"0161 {digits(3)} {digits(4)}",
        lambda: f"020 {digits(4)} {digits(4)}",
        lambda: f"+44 7{digits(3)} {digits(6)}",
        lambda: f"+44 (0)20 {digits(4)} {digits(4)}",
        lambda: f"(01422) {digits(6)}",
        lambda: f"0113 {digits(3)} {digits(4)}",
        lambda: f"+447{digits(9)}",
        lambda: f"01900 {digits(6)}",
    ]
    return rng.choice(forms)()


def dob(rng: random.Random) -> str:
    year = rng.randrange(1950, 2008)
    month = rng.randrange(1, 13)
    day = rng.randrange(1, 29)
    name = MONTHS[month - 1]
    suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(day, "th")
    forms = [
        f"{day:02d}/{month:02d}/{year}",
        f"{day}/{month}/{year}",
        f"{day:02d}.{month:02d}.{year % 100:02d}",
        f"{day} {name} {year}",
        f"{day}{suffix} {name} {year}",
        f"{name} {day} {year}",
        f"{day}-{month:02d}-{year}",
        f"{day} {name[:3]} {year}",
    ]
    return rng.choice(forms)


def address(rng: random.Random) -> str:
    street = f"{rng.choice(STREET_WORDS)} {rng.choice(STREET_SUFFIXES)}"
    number = f"{rng.randrange(1, 240)}{rng.choice(['', '', '', 'A', 'B'])}"
    form = rng.randrange(4)
    if form == 0:
        return f"Flat {rng.randrange(1, 30)}, {number} {street}"
    if form == 1:
        return f"Flat {rng.randrange(1, 12)} {number} {street}"
    return f"{number} {street}"


def reference(rng: random.Random) -> tuple[str, str]:
    """Return (cue text, reference token)."""

    def digits(count: int) -> str:
        return "".join(str(rng.randrange(10)) for _ in range(count))

    letter = rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    forms = [
        ("MRN ", digits(7)),
        ("MRN: ", f"RXH{digits(7)}"),
        ("hospital number ", f"{letter}{digits(6)}"),
        ("case ref ", f"{rng.randrange(2018, 2025)}/{digits(5)}"),
        ("CRN ", f"{letter}{digits(6)}"),
        ("PNC ", f"{digits(2)}/{digits(6)}{letter}"),
        ("ref: ", f"{letter}{rng.choice('ABCDEFGHJKLMN')}{digits(6)}"),
        ("Mosaic ID ", digits(7)),
        ("crime reference ", f"{digits(2)}/{digits(5)}/{digits(2)}"),
        ("case number ", f"CS-{digits(6)}"),
        ("prison number ", f"{letter}{digits(4)}{rng.choice('ABCDEF')}{rng.choice('ABCDEF')}"),
        ("client ID ", digits(6)),
    ]
    return rng.choice(forms)


# --- Passage assembly --------------------------------------------------------------------


@dataclass
class Person:
    first: str
    last: str
    gender: str
    title: str


@dataclass
class Builder:
    text: str = ""
    spans: list[dict[str, int | str]] = field(default_factory=list)

    def add(self, piece: str, kind: str | None = None) -> None:
        if kind:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(piece), "kind": kind})
        self.text += piece


class PassageMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> Person:
        gender = self.rng.choice("fm")
        first = self.rng.choice(FEMALE_NAMES if gender == "f" else MALE_NAMES)
        return Person(first, self.rng.choice(SURNAMES), gender, self.rng.choice(TITLES[gender]))

    def render(self, template: str, builder: Builder, people: dict[str, Person]) -> None:
        position = 0
        for match in re.finditer(r"\{(\w+)\}", template):
            builder.add(template[position : match.start()])
            self.fill(match.group(1), builder, people)
            position = match.end()
        builder.add(template[position:])

    def fill(self, slot: str, builder: Builder, people: dict[str, Person]) -> None:
        rng = self.rng
        client, kin, worker = people["client"], people["kin"], people["worker"]
        pronouns = {"f": ("she", "her", "her"), "m": ("he", "him", "his")}[client.gender]
        simple: dict[str, tuple[str, str | None]] = {
            "first": (client.first, "name"),
            "full": (f"{client.first} {client.last}", "name"),
            "last": (client.last, "name"),
            "kin": (kin.first, "name"),
            "kin_full": (f"{kin.first} {kin.last}", "name"),
            "worker": (worker.first, "name"),
            "worker_full": (f"{worker.first} {worker.last}", "name"),
            "worker_last": (worker.last, "name"),
            "nick": (rng.choice(NICKNAMES), "name"),
            "nhs": (nhs_number(rng), "nhs_number"),
            "nhs_bad": (nhs_number_bad_check(rng), "nhs_number"),
            "ni": (ni_number(rng), "ni_number"),
            "postcode": (postcode(rng), "postcode"),
            "outward": (rng.choice(POSTCODE_OUTWARDS), "postcode"),
            "phone": (phone(rng), "phone"),
            "dob": (dob(rng), "date_of_birth"),
            "address": (address(rng), "address"),
            "he": (pronouns[0], None),
            "He": (pronouns[0].capitalize(), None),
            "him": (pronouns[1], None),
            "his": (pronouns[2], None),
            "His": (pronouns[2].capitalize(), None),
            "agency": (rng.choice(AGENCIES), None),
            "role": (rng.choice(ROLES), None),
            "service": (rng.choice(SERVICES), None),
            "town": (rng.choice(TOWNS), None),
            "drug": (rng.choice(DRUGS), None),
            "month": (rng.choice(MONTHS), None),
            "weekday": (rng.choice(WEEKDAYS), None),
            "age": (str(rng.randrange(18, 70)), None),
            "money": (f"£{rng.choice([20, 45, 80, 120, 250, 340, 600, 1200, 1850])}", None),
            "time": (f"{rng.randrange(7, 23)}:{rng.choice(['00', '15', '30', '45'])}", None),
            "bus": (str(rng.choice([1, 5, 7, 12, 25, 37, 49, 86, 123, 253])), None),
            "dose": (f"{rng.choice([5, 10, 20, 30, 40, 60, 80, 90, 120])}", None),
            "year": (str(rng.randrange(2012, 2025)), None),
            "num": (str(rng.randrange(2, 15)), None),
        }
        if slot in simple:
            value, kind = simple[slot]
            builder.add(value, kind)
        elif slot == "title_last":
            builder.add(f"{client.title} ")
            builder.add(client.last, "name")
        elif slot == "title_full":
            builder.add(f"{client.title} ")
            builder.add(f"{client.first} {client.last}", "name")
        elif slot == "worker_title":
            builder.add(f"{rng.choice(WORKER_TITLES)} ")
            builder.add(worker.last, "name")
        elif slot == "email":
            user = rng.choice(
                [
                    f"{client.first.lower()}.{client.last.lower()}",
                    f"{client.first.lower()}{rng.randrange(70, 99)}",
                    f"{client.first[0].lower()}{client.last.lower()}{rng.randrange(1, 9)}",
                ]
            ).replace("'", "")
            builder.add(f"{user}@{rng.choice(EMAIL_DOMAINS)}", "email")
        elif slot == "ref":
            cue, token = reference(rng)
            builder.add(cue)
            builder.add(token, "reference")
        elif slot == "meeting_date":
            builder.add(f"{rng.randrange(1, 29)} {rng.choice(MONTHS)}")
        else:
            raise KeyError(slot)


# Sentences that introduce the person (always contain a name).
OPENERS = [
    "{full} (DOB {dob}) was brought to {service} by ambulance at {time} on {weekday}.",
    "{title_last}, {age}, is known to {agency} and the Rough Sleeper Team.",
    "{title_full}, {age}, has been bedded down near the station since {month}.",
    "{first} is {age} and was referred by {agency} after a third eviction.",
    "I first met {first} outside the {weekday} soup run; {he} asked for a sleeping bag.",
    "{full} is a care leaver who turned 21 in {month}; {his} Personal Adviser left in {year}.",
    "Referral received for {full} from {service}, with concerns about {drug} use.",
    "{first} told me {he} had not eaten since {weekday}.",
    "{first}'s partner rang the duty line at {time} to say {he} had not come home.",
    "My client {first} has a dual diagnosis and has been on {drug} {dose}mg since {year}.",
    "{full}, known as {nick}, has slept rough in {town} for most of the last {num} years.",
    "{title_last} attended {service} {num} times in {month}, usually on a {weekday} night.",
    "Case discussion: {first}, {age}, secret caseload, presenting with self-neglect.",
    "{first} and {his} teenager {kin} have been sofa surfing since the refuge place ended.",
    "{full} was released from HMP Lewes on {weekday} with {money} discharge grant and no address.",
    "Spoke with {first} about {his} tenancy at the {agency} hostel.",
    "Met {first} at the day centre; {he} wanted help with a Universal Credit claim.",
    "{title_last} was assessed by the {role} and the Crisis Team overnight.",
    "{first} {last} self-discharged from {service} before the Liaison Psychiatry review.",
    "{His} child {kin} was placed with foster carers in {year}; {first} has contact fortnightly.",
    "{first}, who is {age}, has been street homeless in {town} since {year}.",
    "The {role}, {worker_full}, raised a safeguarding concern about {first} on {weekday}.",
    "{title_last} has a Probation Officer and a CPN, but nobody coordinates the plan for {him}.",
    "Young person {first} left care at 18 and was placed in a B&B in {town}.",
    "{first} presented at {service} intoxicated, saying {he} had taken {drug} and alcohol.",
    "Service user {full} missed {his} {weekday} appointment with the {role}.",
    "{first} was found in a doorway by the outreach team at {time}.",
    "A neighbour called the police to {title_full} after shouting was heard at {time}.",
    "{first}'s mum, {kin_full}, is {his} only family contact.",
    "I was allocated {first} in {month} after {his} previous worker left.",
    "{full} has been on my secret caseload for two years; no service will take the case.",
    "Weekend crisis: {first} rang the out-of-hours line {num} times on {weekday}.",
    "We have been trying to engage {title_full} since the MARAC in {month}.",
    "{first} came to the drop-in with {his} partner {kin}, both sharing one sleeping bag.",
]

# Sentences carrying structured identifiers.
IDENTIFIER_SENTENCES = [
    "NHS number {nhs} was confirmed with the GP practice.",
    "{His} NHS no. is {nhs} and {he} is registered with a practice in {town}.",
    "NHS number: {nhs_bad} (as written on the discharge letter).",
    "The discharge summary lists NHS {nhs}.",
    "Her NHS number is {nhs}.",
    "Identifiers on the referral: {nhs}.",
    "National Insurance number {ni} was needed for the Universal Credit claim.",
    "NI number: {ni}.",
    "{He} gave {his} NI as {ni} but the DWP could not match it.",
    "The PIP form showed National Insurance {ni}.",
    "Current address is {address}, {town} {postcode}.",
    "{He} lives at {address} with {his} mother.",
    "Last known address: {address}, {postcode}.",
    "The hostel at {address} gave notice on {weekday}.",
    "{He} is staying at {address} until the end of {month}.",
    "Temporary accommodation was found at {address}.",
    "Postcode {postcode} is outside our patch, so the referral went back.",
    "The flat is in the {outward} area, near the seafront.",
    "{He} moved to {outward} last {month} after the fire.",
    "{He} can be reached on {phone} most afternoons.",
    "Mobile: {phone}.",
    "{His} sister's number is {phone} if {he} cannot be reached.",
    "Please ring {phone} before visiting.",
    "Contact number {phone} (texts only, no credit for calls).",
    "Email is {email} but {he} rarely checks it.",
    "{He} asked that letters go to {email} instead.",
    "Contact: {email}.",
    "DOB: {dob}.",
    "D.O.B. {dob}, aged {age} at referral.",
    "{He} was born on {dob} in {town}.",
    "Date of birth {dob}; no other identifiers on file.",
    "The custody record gives {his} date of birth as {dob}.",
    "{His} son (b. {dob}) is subject to a child protection plan.",
    "DOB {dob} and NHS number {nhs} were checked on the spine.",
    "{His} {ref} is on the front of the file.",
    "Hospital records under {ref} show {num} attendances this year.",
    "The probation record is {ref}.",
    "Police shared {ref} after the incident on {weekday}.",
    "Please quote {ref} when you call.",
    "{ref} was opened after the {month} admission.",
    "The court list showed {ref} for the breach hearing.",
]

# Clean sentences full of look-alikes: agencies, roles, services, ages, dates, drugs, money.
CLEAN_SENTENCES = [
    "A {age}-year-old man presented at {service} on {weekday} at {time}.",
    "The {role} and the {role} met on {meeting_date} to agree a plan.",
    "{agency} offered a bed for {num} nights but it was withdrawn on {weekday}.",
    "Methadone was increased to {dose}ml and the pharmacy in {town} agreed supervised consumption.",
    "The meeting on {meeting_date} was moved to {weekday} because the room was double-booked.",
    "He has been using {drug} since {year} and Diazepam bought on the street.",
    "The rent arrears stand at {money} and the landlord has served a Section 21 notice.",
    "She caught the number {bus} bus to {service} but arrived after the clinic closed at {time}.",
    "The NHS trust has a policy of discharging after three missed appointments.",
    "NHS England guidance on frequent attenders was discussed at the team meeting.",
    "The Crisis Team visited at {time} and left a leaflet for the Samaritans.",
    "We will review the plan in {month}, and Will it hold up? is the question I keep asking.",
    "In May the hostel closed its doors to new referrals.",
    "I hope the new Housing Officer can push the application forward.",
    "There is a grace period of {num} weeks before the benefit is stopped.",
    "The Job Centre Plus work coach may be able to apply an easement.",
    "We need to mark the review date in the diary and flag it to the Team Manager.",
    "Shelter helpline advised that the eviction was unlawful.",
    "The Salvation Army shop gave a voucher for {money} of clothes.",
    "Change Grow Live have a drop-in on {weekday} mornings from {time}.",
    "Citizens Advice helped with a debt relief order of about {money}.",
    "Turning Point staff noticed he smelled of Spice and was unsteady.",
    "St Mungo's outreach team found the tent empty on {weekday}.",
    "He was sectioned under Section 2 in {year} and again under Section 3 a year later.",
    "The Community Psychiatric Nurse gave the Olanzapine depot on {weekday}.",
    "Probation Service recall was considered but the Senior Probation Officer decided against it.",
    "He attended Accident and Emergency {num} times in {month} with chest pain.",
    "She moved to {town} in {year} and has not registered with a GP since.",
    "Tower Hamlets and Halifax both declined a local connection.",
    "Workington and Colchester were named as areas where she has family.",
    "Stoke-on-Trent council agreed to accept the homelessness application.",
    "The Subutex prescription was collected on {weekday} at {time}.",
    "A&E staff said the waiting time was over {num} hours that night.",
    "The Royal Sussex County Hospital discharged him at {time} with no follow-up.",
    "Mind runs a peer support group every {weekday} at {time}.",
    "The Social Worker and the Housing Officer disagreed about capacity.",
    "He owes {money} to a dealer and says he feels unsafe in {town}.",
    "Universal Credit was sanctioned for {num} weeks in {month}.",
    "The {bus} bus stops outside the hostel every twenty minutes.",
    "Since {year} there have been {num} safeguarding referrals.",
    "On {weekday} the out-of-hours GP prescribed Diazepam for withdrawal.",
    "The ward round is on {weekday} at {time}; the Consultant Psychiatrist will attend.",
    "Naloxone kits were handed out at the needle exchange on {meeting_date}.",
    "He has been abstinent from heroin for {num} months but uses cannabis daily.",
    "The Leaving Care Team has a duty worker on {weekday} afternoons.",
    "A MARAC referral was made after the third incident in {month}.",
    "The IDVA recommended a refuge outside {town}.",
    "Police attended at {time} and used Section 136 to take her to a place of safety.",
    "Grace, as the Team Manager put it, is in short supply on a Friday afternoon.",
    "Mark the case as high risk until the strategy meeting on {meeting_date}.",
    "May I suggest a joint visit with the Approved Mental Health Professional?",
    "Hope House had no vacancies, so the Rough Sleeper Team tried the night shelter.",
    "Room {num} on the third floor has a broken window reported on {meeting_date}.",
    "The Home Treatment Team visited twice a day for {num} days.",
    "Bay {num} in the Emergency Department was used for the assessment.",
    "Care Act assessment was completed on {meeting_date} and eligible needs were found.",
    "The night shelter opens at {time} and closes at 8:00.",
    "Quetiapine {dose}mg at night and Mirtazapine 15mg were on the discharge letter.",
    "The housing register band was raised after the Occupational Therapist's report.",
    "Weekend cover is thin: one Duty Social Worker for the whole of {town}.",
    "She said the Spice in the hostel was the worst it had been since {year}.",
    "Peer Mentors from Humankind walked with him to the pharmacy.",
    "The Big Issue vendor pitch outside Boots was his main income, about {money} a week.",
    "The Probation Officer asked for a three-way meeting on {meeting_date}.",
    "Emmaus offered a community place but he did not want to leave {town}.",
    "He is {age} and has been in and out of custody since he was {num}.",
    "The Care Coordinator from the Community Mental Health Team was on leave until {month}.",
    "NHS 111 advised an ambulance, which took {num} hours to arrive.",
    "The foodbank voucher was for {num} days and the next one needs a new referral.",
    "The Navigator role was funded by the council until March {year}.",
    "The Crisis Team said there was no role for them because of the alcohol.",
]

# Hand-written passages: (text, [(substring, kind, occurrence)]). occurrence defaults to 0.
HAND_WRITTEN: list[tuple[str, list[tuple]]] = [
    (
        "Tanisha Okafor, 29, was seen in A&E at 03:40 after taking 30 Zopiclone. She is known to the Crisis Team "
        "and Change Grow Live.",
        [("Tanisha Okafor", "name")],
    ),
    (
        "Mr Kowalczyk lives at Flat 2, 88 Ditchling Road, Brighton BN1 4SB. His NHS number is 485 777 3456.",
        [
            ("Kowalczyk", "name"),
            ("Flat 2, 88 Ditchling Road", "address"),
            ("BN1 4SB", "postcode"),
            ("485 777 3456", "nhs_number"),
        ],
    ),
    (
        "Her son Jamie (b. 14/07/2011) stays with his nan in Halifax at weekends.",
        [("Jamie", "name"), ("14/07/2011", "date_of_birth")],
    ),
    (
        "Known as Kaz on the street, Karen has used Spice since the hostel closed in 2019. Kaz said she was "
        "scared of the men on the second floor.",
        [("Kaz", "name"), ("Karen", "name"), ("Kaz", "name", 1)],
    ),
    (
        "CRN X482913 is held by the Probation Service. Tunde's PO is Harriet Blenkinsop.",
        [("X482913", "reference"), ("Tunde", "name"), ("Harriet Blenkinsop", "name")],
    ),
    (
        "Phoned Oksana on 07700 900461 at 10:15; no answer, left a voicemail.",
        [("Oksana", "name"), ("07700 900461", "phone")],
    ),
    (
        "Ms Achebe gave her NI number as JT 45 67 12 B. She asked that letters go to her sister's address.",
        [("Achebe", "name"), ("JT 45 67 12 B", "ni_number")],
    ),
    (
        "PNC 19/284751K shows two previous convictions for shoplifting. Reuben denies the latest allegation.",
        [("19/284751K", "reference"), ("Reuben", "name")],
    ),
    (
        "D.O.B. 03.11.86. Lives in the E1 area with her partner, Segun.",
        [("03.11.86", "date_of_birth"), ("E1", "postcode"), ("Segun", "name")],
    ),
    (
        "Email from mariusz.wojcik84@gmail.com asking for a copy of his care plan.",
        [("mariusz.wojcik84@gmail.com", "email")],
    ),
    (
        "Dr Hemsworth at the practice said Lennox had not collected his Olanzapine for three weeks.",
        [("Hemsworth", "name"), ("Lennox", "name")],
    ),
    (
        "The client, Ugne, was born on 2nd February 1994 in Vilnius and came to Workington for seasonal work.",
        [("Ugne", "name"), ("2nd February 1994", "date_of_birth")],
    ),
    (
        "Hospital number RXH0047721. Admitted via ED with an infected groin abscess; discharged himself at 2am.",
        [("RXH0047721", "reference")],
    ),
    (
        "Bogdan and Florin share a room at 14 Carden Avenue. Both work cash-in-hand on building sites.",
        [("Bogdan", "name"), ("Florin", "name"), ("14 Carden Avenue", "address")],
    ),
    (
        "His girlfriend Shenice rang from +44 7911 123456 to say he had been taken to the Royal Sussex County "
        "Hospital.",
        [("Shenice", "name"), ("+44 7911 123456", "phone")],
    ),
    (
        "Mrs Grewal, 71, cares for her son Amrit who has schizophrenia. Her landline is 01273 604512.",
        [("Grewal", "name"), ("Amrit", "name"), ("01273 604512", "phone")],
    ),
    (
        "Ref: KT774102. Please use this reference for all correspondence with the Home Office.",
        [("KT774102", "reference")],
    ),
    (
        "Will Fairclough was recalled to prison on Friday. Will has been in custody four times since he was 18.",
        [("Will Fairclough", "name"), ("Will", "name", 1)],
    ),
    (
        "Grace told me she had not slept since Tuesday. Grace's daughter is with the paternal grandmother.",
        [("Grace", "name"), ("Grace", "name", 1)],
    ),
    (
        "Mark Entwistle (DOB 21 March 1979) was found by the outreach team under the pier.",
        [("Mark Entwistle", "name"), ("21 March 1979", "date_of_birth")],
    ),
    (
        "Hope and her brother Kayode were placed at 7 Larkspur Close after the fire.",
        [("Hope", "name"), ("Kayode", "name"), ("7 Larkspur Close", "address")],
    ),
    (
        "MRN 7734102. Presenting complaint: overdose of Pregabalin and vodka. Seen by Liaison Psychiatry.",
        [("7734102", "reference")],
    ),
    (
        "The probation case reference number is CRN D902341 and the supervising officer is Mr Rossiter.",
        [("D902341", "reference"), ("Rossiter", "name")],
    ),
    (
        "Desmond, 64, has lived in his van in a Whitstable car park since the divorce.",
        [("Desmond", "name")],
    ),
    (
        "She gave her date of birth as 30th June 1990 and her postcode as CF24 3AA.",
        [("30th June 1990", "date_of_birth"), ("CF24 3AA", "postcode")],
    ),
    (
        "Spoke to Marlena's keyworker at the refuge; Marlena has moved to a second-stage flat.",
        [("Marlena", "name"), ("Marlena", "name", 1)],
    ),
    (
        "Nikolai Petrauskas presented to A&E with frostbite. NHS No: 634 210 9981.",
        [("Nikolai Petrauskas", "name"), ("634 210 9981", "nhs_number")],
    ),
    (
        "Contact his mum, Bernadette Mahoney, on 0161 496 0732.",
        [("Bernadette Mahoney", "name"), ("0161 496 0732", "phone")],
    ),
    (
        "Address: 3 Gladstone Terrace, Halifax HX1 2QP. Lives alone with two dogs.",
        [("3 Gladstone Terrace", "address"), ("HX1 2QP", "postcode")],
    ),
    (
        "Jovan was born 12.05.01 and left care in Stoke-on-Trent at 18.",
        [("Jovan", "name"), ("12.05.01", "date_of_birth")],
    ),
    (
        "I rang Dolores, his aunt, who said he sleeps behind the Co-op most nights.",
        [("Dolores", "name")],
    ),
    (
        "Taye's brother Jaylen has a Mosaic ID 5521907 from when they were in care.",
        [("Taye", "name"), ("Jaylen", "name"), ("5521907", "reference")],
    ),
    (
        "Crime reference 47/11903/23 relates to the assault on Roisin outside the off-licence.",
        [("47/11903/23", "reference"), ("Roisin", "name")],
    ),
    (
        "Miss Oyelaran has asked us to use her work email, f.oyelaran@nhs.net.",
        [("Oyelaran", "name"), ("f.oyelaran@nhs.net", "email")],
    ),
    (
        "Vasile Popescu, NI SP 90 11 23 D, works nights at a car wash in Colchester.",
        [("Vasile Popescu", "name"), ("SP 90 11 23 D", "ni_number")],
    ),
    (
        "Callum Greenhalgh lives at 41B Tennyson Street and his phone is 07843 202118.",
        [("Callum Greenhalgh", "name"), ("41B Tennyson Street", "address"), ("07843 202118", "phone")],
    ),
    (
        "His partner Anastasia is pregnant and due in March; the midwife is worried about the Spice use.",
        [("Anastasia", "name")],
    ),
    (
        "The GP letter gives DOB 7 Aug 1968 and NHS number 401 023 2137.",
        [("7 Aug 1968", "date_of_birth"), ("401 023 2137", "nhs_number")],
    ),
    # Clean passages (no identifiers), full of look-alikes.
    ("A 34-year-old man was seen in A&E at 02:15 after drinking a litre of vodka. He left before triage.", []),
    ("The Community Psychiatric Nurse and the Housing Officer met on 12 March to discuss the tenancy.", []),
    ("Mind, Shelter and St Mungo's all attended the multi-agency meeting on Tuesday.", []),
    ("Methadone 60ml daily, supervised; Diazepam 5mg PRN. Olanzapine depot fortnightly.", []),
    ("The Probation Service and Job Centre Plus have agreed a joint plan since 2019.", []),
    ("Turning Point and Change Grow Live both run needle exchanges in Stoke-on-Trent.", []),
    ("The Salvation Army and Citizens Advice are based in the same building in Colchester.", []),
    ("He says he will try to attend, but Will he? The last three appointments were missed.", []),
    ("May is always a hard month for him because of the anniversary.", []),
    ("Hope is in short supply on this caseload, the Social Worker said in supervision.", []),
    ("Grace periods for rent arrears vary between housing associations.", []),
    ("Mark the referral as urgent and send it to the Crisis Team before 5pm.", []),
    ("The NHS trust and the council disagree about who funds the placement, which costs £1,850 a week.", []),
    ("She took the number 25 bus to the Royal Sussex County Hospital and waited four hours.", []),
    ("Spice use on the ward has increased since January; two patients were found unresponsive.", []),
    ("Tower Hamlets rough sleeper count found 46 people on one night in November.", []),
    ("He moved from Workington to Brighton in 2021 and has lived in tents and hostels since.", []),
    ("The weekend Duty Social Worker covers Halifax, Brighouse and Todmorden on her own.", []),
    ("Accident and Emergency staff called the police at 23:10 when he became aggressive.", []),
    ("Subutex 16mg was started on Monday; the next review is on 3 April.", []),
    ("Our team manager wants us to log every contact, even the two-minute calls.", []),
    ("The leaving care Personal Adviser has 38 young people on her caseload.", []),
    ("NHS 111 told her to go to A&E, but the bus fare was £3.20 and she had no money.", []),
    ("The refuge in Colchester had one space, which was offered and accepted on Friday.", []),
    ("Citizens Advice said the Universal Credit overpayment of £2,400 could be challenged.", []),
    ("The Crisis Team will phone on Thursday at 10:00 and again at 16:00.", []),
    ("Job Centre Plus agreed to waive the sanction after the Approved Mental Health Professional wrote to them.", []),
    ("He has used crack since he was 19 and heroin since 24, now aged 41.", []),
    ("The Rough Sleeper Team, the Probation Service and the GP surgery all have different risk scores.", []),
    ("Since 2019 the service has lost four Support Workers and one Team Manager.", []),
    ("Secret caseloads are people no service will hold, so they sit with whoever cares the most.", []),
    ("Friday at 4:45pm is when the crises happen; nobody answers at the Home Treatment Team after 5.", []),
    # Harder passages written after the detector, in other styles (headings, lists, emails).
    (
        "Name: Precious Adeyemi\nDOB: 09/09/1999\nAddress: 56 Moulsecoomb Way, Brighton BN2 4PB\n"
        "Presenting issue: eviction from supported housing.",
        [
            ("Precious Adeyemi", "name"),
            ("09/09/1999", "date_of_birth"),
            ("56 Moulsecoomb Way", "address"),
            ("BN2 4PB", "postcode"),
        ],
    ),
    (
        "Hi both, quick update on Lorcan. He turned up at the hub this morning soaked through. "
        "Lorcan wants to go back to Ireland but has no ID.",
        [("Lorcan", "name"), ("Lorcan", "name", 1)],
    ),
    (
        "From: Siobhan Lyons <s.lyons@brightonhousing.org.uk>\nSubject: Your client\n"
        "Can you call me back on 01273 880342?",
        [("Siobhan Lyons", "name"), ("s.lyons@brightonhousing.org.uk", "email"), ("01273 880342", "phone")],
    ),
    (
        "Overnight, Deshawn was restrained by security after smashing a window in the waiting area.",
        [("Deshawn", "name")],
    ),
    (
        "The mother, Joanne Pickering, says Tyler has been missing from school since half term.",
        [("Joanne Pickering", "name"), ("Tyler", "name")],
    ),
    (
        "Ibrahim (not his real name in the group) sleeps in the multi-storey on Church Street.",
        [("Ibrahim", "name")],
    ),
    (
        "Frequent attender: 41 visits in 12 months. Staff know him as Scotty. Hospital no. M0033945.",
        [("Scotty", "name"), ("M0033945", "reference")],
    ),
    (
        "Ms O'Sullivan-Grant was discharged to 19a Cromwell Road, Hove, with a package of care.",
        [("O'Sullivan-Grant", "name"), ("19a Cromwell Road", "address")],
    ),
    (
        "Her ex, Gaz, is on licence and has a non-contact condition. His PNC is 08/1193342R.",
        [("Gaz", "name"), ("08/1193342R", "reference")],
    ),
    (
        "Checked the spine: NHS 4010232137 matches, DOB 1 Jan 1970.",
        [("4010232137", "nhs_number"), ("1 Jan 1970", "date_of_birth")],
    ),
    (
        "Liaised with Kezia at Oasis, who said the mum and baby place is still open.",
        [("Kezia", "name")],
    ),
    (
        "Tomasz has no recourse to public funds. His NINO is PJ 12 56 78 A but he has no settled status.",
        [("Tomasz", "name"), ("PJ 12 56 78 A", "ni_number")],
    ),
    (
        "Appointment letter sent to 2 Bramble Rise, Seaford BN25 3HJ; returned unopened.",
        [("2 Bramble Rise", "address"), ("BN25 3HJ", "postcode")],
    ),
    (
        "Zeynep and her two children arrived at the refuge at 23:00 from Luton.",
        [("Zeynep", "name")],
    ),
    (
        "Mr and Mrs Haddad both attended; Mr Haddad translated for his wife.",
        [("Haddad", "name"), ("Haddad", "name", 1)],
    ),
    (
        "Text from Aurelia: 'on my way, bus is late'. She arrived at 11:20.",
        [("Aurelia", "name")],
    ),
    (
        "Nurse Oduya from the Hep C team has offered a fibroscan at the hostel next month.",
        [("Oduya", "name")],
    ),
    (
        "Dad (Lee) is in HMP Winchester, prison number A4417CK, release date unknown.",
        [("Lee", "name"), ("A4417CK", "reference")],
    ),
    # Harder clean passages.
    ("Name: withheld\nAge: 45\nPresenting issue: repeat attendance at A&E for alcohol withdrawal.", []),
    ("Kemp Town Surgery refused to register him without proof of address.", []),
    ("Daisy Chain Project and Hope Recovery Café both offer a Thursday lunch.", []),
    ("Brexit made the settled status application harder; the Home Office took 14 months.", []),
    ("Talking Therapies and IAPT have a 16-week wait, so the GP prescribed Sertraline 50mg.", []),
    ("Sainsbury's security banned him after a shoplifting incident in December.", []),
    ("Born and raised in Hull, he moved to Brighton in 2015 after his mother died.", []),
    ("The Local Welfare Assistance fund closed at 3pm and reopens on 2 January.", []),
    ("Block C had three Spice overdoses on Saturday night; paramedics attended twice.", []),
    ("Keep an eye on the 12 Days of Christmas rota, which leaves one worker on Boxing Day.", []),
]


def located_spans(text: str, entries: list[tuple]) -> list[dict[str, int | str]]:
    spans = []
    for entry in entries:
        substring, kind = entry[0], entry[1]
        occurrence = entry[2] if len(entry) > 2 else 0
        position = -1
        for _ in range(occurrence + 1):
            position = text.find(substring, position + 1)
            if position == -1:
                raise ValueError(f"{substring!r} not found in {text!r}")
        spans.append({"start": position, "end": position + len(substring), "kind": kind})
    return sorted(spans, key=lambda span: span["start"])


def generated_passages(rng: random.Random) -> list[dict]:
    maker = PassageMaker(rng)
    passages = []
    for number in range(GENERATED_WITH_IDENTIFIERS):
        people = {"client": maker.person(), "kin": maker.person(), "worker": maker.person()}
        builder = Builder()
        sentences = [rng.choice(OPENERS)]
        sentences += rng.sample(IDENTIFIER_SENTENCES, rng.randint(1, 3))
        extra = rng.sample(CLEAN_SENTENCES, rng.randint(0, 2))
        sentences += extra
        if rng.random() < 0.5:
            sentences.append(
                rng.choice(
                    [
                        "{first} agreed to come back on {weekday}.",
                        "{first} said {he} would think about it.",
                        "I will see {first} again next week.",
                        "{first} was calmer by the end of the visit.",
                        "Plan: {role} to phone {first} on {weekday}.",
                    ]
                )
            )
        for index, template in enumerate(sentences):
            if index:
                builder.add(" ")
            maker.render(template, builder, people)
        passages.append({"id": f"gen-id-{number:03d}", "text": builder.text, "spans": builder.spans})
    for number in range(GENERATED_CLEAN):
        builder = Builder()
        people = {"client": maker.person(), "kin": maker.person(), "worker": maker.person()}
        for index, template in enumerate(rng.sample(CLEAN_SENTENCES, rng.randint(2, 5))):
            if index:
                builder.add(" ")
            maker.render(template, builder, people)
        passages.append({"id": f"gen-clean-{number:03d}", "text": builder.text, "spans": builder.spans})
    return passages


def hand_written_passages() -> list[dict]:
    return [
        {"id": f"hand-{number:03d}", "text": text, "spans": located_spans(text, entries)}
        for number, (text, entries) in enumerate(HAND_WRITTEN)
    ]


def list_overlap_report() -> str:
    """Share of the corpus name lists that the detector does not know (should be >= 1/3)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from core.anonymisation import names as detector

    known_given = detector.GIVEN_NAMES | detector.AMBIGUOUS_GIVEN_NAMES
    given = set(FEMALE_NAMES + MALE_NAMES)
    surnames = set(SURNAMES)
    unknown_given = len(given - known_given) / len(given)
    unknown_surnames = len(surnames - detector.SURNAMES) / len(surnames)
    return f"given names unknown to detector: {unknown_given:.0%}, surnames: {unknown_surnames:.0%}"


def main() -> None:
    rng = random.Random(SEED)
    passages = generated_passages(rng) + hand_written_passages()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("w", encoding="utf-8") as handle:
        for passage in passages:
            handle.write(json.dumps(passage, ensure_ascii=False) + "\n")
    clean = sum(1 for passage in passages if not passage["spans"])
    print(f"wrote {len(passages)} passages ({clean} clean) to {OUTPUT}")
    print(list_overlap_report())


if __name__ == "__main__":
    main()
