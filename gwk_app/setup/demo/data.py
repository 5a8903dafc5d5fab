"""The invented world of the demo data: districts, projects, partners, distributions and the two sizes."""

from dataclasses import dataclass

DISTRICTS = {
	"Talblick": "98119",
	"Rosental": "98123",
	"Eschenweiler": "98122",
	"Birkenhöhe": "98123",
	"Mühlbach": "98112",
	"Altmarkt": "98113",
	"Lindenhain": "98130",
	"Weidenau": "98111",
}
CITY = "Musterstadt"

# (project name, type, districts, participant target, target ages)
PROJECTS = (
	("Demo GWK Lindenhain", "Community Coordination", ["Lindenhain"], 500, (18, 65)),
	(
		"Demo QM Mühlbach-Altmarkt",
		"Neighbourhood Management",
		["Mühlbach", "Altmarkt"],
		400,
		(None, None),
	),
	("Demo Stadtteilpiloten Birkenhöhe", "District Pilots", ["Birkenhöhe", "Eschenweiler"], 300, (16, 27)),
	("Demo Stadtteilmanagement Rosental", "District Management", ["Rosental"], 350, (18, None)),
	("Demo GWK Talblick", "Community Coordination", ["Talblick"], 450, (18, 65)),
	("Demo QM Weidenau", "Neighbourhood Management", ["Weidenau"], 400, (None, 65)),
)

PARTNERS = (
	("Demo Schuldnerberatung", "Counselling Service", ["Schulden"]),
	("Demo Suchtberatung", "Counselling Service", ["Sucht"]),
	("Demo Wohnungsnothilfe", "Counselling Service", ["Wohnen"]),
	("Demo Migrationsberatung", "Counselling Service", ["Integration und Migration", "Sprache"]),
	("Demo Jobcenter", "Authority", ["Bürgergeld", "Arbeitssuche und Bewerbung"]),
	("Demo Wohnungsgenossenschaft", "Housing Company", ["Wohnen"]),
	("Demo Familienzentrum", "Association", ["Familie", "Kinderzuschlag"]),
	("Demo Gewerbestammtisch", "Local Business", []),
)

CHANNELS = ("Office Hours", "Appointment", "Phone", "E-Mail", "Outreach", "Home Visit", "At an Event")
CHANNEL_WEIGHTS = (40, 15, 20, 5, 12, 3, 5)
GENDERS = ("Female", "Male", "Diverse", "Not specified")
GENDER_WEIGHTS = (52, 44, 1, 3)
CASE_TYPES = ("Counselling", "Neighbourhood Conflict / Mediation", "Application Help", "Housing", "Other")
REFERRAL_METHODS = ("Information Only", "Contact Data Passed On", "Appointment Made", "Accompanied")
EVENT_TYPES = (
	("District Festival", "Stadtteilfest"),
	("Spring Clean-up", "Frühjahrsputz"),
	("Business Round Table", "Gewerbestammtisch"),
	("Workshop", "Workshop"),
	("Reading", "Lesung"),
	("Advent Market", "Adventsmarkt"),
	("Group Session", "Nähtreff"),
)


@dataclass(frozen=True)
class Size:
	projects: int
	years: int
	residents: int
	consultations: int
	cases: int
	referrals: int
	events: int  # per project and year
	volunteers: int  # per project
	observations: int  # per project and year
	meetings: int  # per project and year
	bulk: bool
	anonymous_share: float = 0.6


SIZES = {
	"demo": Size(
		projects=3,
		years=2,
		residents=90,
		consultations=300,
		cases=24,
		referrals=24,
		events=4,
		volunteers=3,
		observations=4,
		meetings=2,
		bulk=False,
	),
	"carrier": Size(
		projects=6,
		years=5,
		residents=100_000,
		consultations=1_000_000,
		cases=15_000,
		referrals=20_000,
		events=20,
		volunteers=10,
		observations=20,
		meetings=6,
		bulk=True,
	),
}
BATCH = 10_000
