"""Word lists that describe how transfer prose is written (not data about particular clubs).

Everything here is lower-case folded ASCII, compared against ``Token.key``.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that describe a player: "the Dutch star", "Stuttgart centre-back Waldemar Anton".
PLAYER_NOUNS: frozenset[str] = _words(
    """
    star player midfielder defender centre-back center-back centreback centre-half
    center-half full-back fullback left-back right-back wing-back winger forward striker
    attacker goalkeeper keeper 'keeper shot-stopper stopper playmaker talent youngster
    teenager prodigy international ace man captain skipper frontman marksman hitman schemer
    enforcer anchorman sensation wonderkid starlet gem target signing loanee academy
    graduate product midfield-maestro maestro veteran no. talisman powerhouse frenchman
    englishman dutchman spaniard welshman scotsman irishman dane swede norwegian argentine
    argentinian brazilian portuguese italian german belgian croatian serbian uruguayan
    colombian nigerian senegalese ghanaian ivorian moroccan egyptian algerian cameroonian
    japanese korean american mexican canadian austrian swiss polish pole ukrainian turk
    turkish greek czech slovakian slovenian hungarian romanian bulgarian ecuadorian chilean
    peruvian paraguayan venezuelan australian jamaican malian guinean gabonese scot georgian
    albanian kosovan bosnian montenegrin icelander finn
    """
)

# Player nouns used as a position after a club name: "Chelsea midfielder Conor Gallagher".
POSITION_NOUNS: frozenset[str] = _words(
    """
    star player midfielder defender centre-back center-back centreback centre-half
    center-half full-back fullback left-back right-back wing-back winger forward striker
    attacker goalkeeper keeper 'keeper shot-stopper playmaker talent youngster teenager
    prodigy ace captain skipper frontman marksman hitman schemer enforcer sensation
    wonderkid starlet gem loanee graduate man talisman veteran no. hotshot academy
    outcast flop misfit exile cast-off castoff
    """
)

# Role nouns that mark a non-player: "Spurs boss Jose Mourinho", "sporting director X".
ROLE_NOUNS: dict[str, str] = {
    "manager": "manager",
    "boss": "manager",
    "gaffer": "manager",
    "coach": "coach",
    "head coach": "coach",
    "assistant": "coach",
    "trainer": "coach",
    "tactician": "manager",
    "director": "director",
    "sporting director": "director",
    "technical director": "director",
    "director of football": "director",
    "football director": "director",
    "chairman": "president",
    "chairwoman": "president",
    "president": "president",
    "vice-president": "president",
    "owner": "owner",
    "co-owner": "owner",
    "chief": "executive",
    "chief executive": "executive",
    "ceo": "executive",
    "executive": "executive",
    "supremo": "executive",
    "agent": "agent",
    "super-agent": "agent",
    "superagent": "agent",
    "intermediary": "agent",
    "representative": "agent",
    "adviser": "agent",
    "advisor": "agent",
    "journalist": "journalist",
    "reporter": "journalist",
    "correspondent": "journalist",
    "insider": "journalist",
    "expert": "journalist",
    "pundit": "pundit",
    "presenter": "pundit",
    "commentator": "pundit",
    "scout": "scout",
    "chief scout": "scout",
    "general": "director",
    "recruitment": "director",
    "sir": "owner",
}

# Nouns heading a club description: "the Serie A side", "the Bergamo club".
CLUB_NOUNS: frozenset[str] = _words(
    """
    club side outfit team giants champions holders hierarchy board club's side's outfit's
    heavyweights powerhouse rivals strugglers leaders newcomers minnows
    """
)

# Words a description may carry between "the" and its head noun.
DESCRIPTOR_FILLERS: frozenset[str] = _words(
    """
    in-form out-of-favour out-of-form highly-rated highly rated in-demand talented young
    experienced versatile former dutch new exciting prolific powerful towering tricky
    teenage impressive promising reigning defending ambitious big wealthy cash-rich rich
    mighty current star attacking defensive creative dynamic pacy gifted left-footed
    right-footed midfield attacking-minded combative the sought-after coveted
    """
)

# Adjectives of nationality -> country, for "the Italian outfit", "the Dutch star".
NATIONALITY_COUNTRY: dict[str, str] = {
    "english": "england",
    "italian": "italy",
    "german": "germany",
    "spanish": "spain",
    "french": "france",
    "portuguese": "portugal",
    "dutch": "netherlands",
    "scottish": "scotland",
    "welsh": "wales",
    "turkish": "turkey",
    "saudi": "saudi arabia",
    "american": "united states",
    "belgian": "belgium",
    "greek": "greece",
    "austrian": "austria",
    "swiss": "switzerland",
    "brazilian": "brazil",
    "argentine": "argentina",
    "argentinian": "argentina",
    "mexican": "mexico",
    "russian": "russia",
    "ukrainian": "ukraine",
    "danish": "denmark",
    "norwegian": "norway",
    "swedish": "sweden",
    "croatian": "croatia",
    "serbian": "serbia",
    "czech": "czech republic",
    "polish": "poland",
    "qatari": "qatar",
    "emirati": "united arab emirates",
    "japanese": "japan",
    "chinese": "china",
    "australian": "australia",
    "canadian": "canada",
    "irish": "ireland",
    "ligue": "france",
}

# League words used in descriptions, folded -> folded league names that they may denote.
LEAGUE_WORDS: dict[str, tuple[str, ...]] = {
    "premier league": ("premier league",),
    "serie a": ("serie a",),
    "la liga": ("la liga", "laliga"),
    "laliga": ("la liga", "laliga"),
    "bundesliga": ("bundesliga",),
    "ligue 1": ("ligue 1",),
    "ligue un": ("ligue 1",),
    "eredivisie": ("eredivisie",),
    "primeira liga": ("primeira liga", "liga portugal"),
    "liga portugal": ("primeira liga", "liga portugal"),
    "saudi pro league": ("saudi pro league",),
    "spl": ("saudi pro league", "scottish premiership"),
    "mls": ("major league soccer", "mls"),
    "major league soccer": ("major league soccer", "mls"),
    "championship": ("championship", "efl championship"),
    "scottish premiership": ("scottish premiership",),
    "super lig": ("super lig", "super lig turkey"),
    "pro league": ("saudi pro league", "belgian pro league", "pro league"),
    "jupiler pro league": ("belgian pro league", "pro league"),
}

# Capitalised words that never start or make up a person's name.
NAME_STOPWORDS: frozenset[str] = _words(
    """
    the a an this that these those it its he she his her they them their there here we our
    you your i my me us however although though but and or nor so yet also still even just
    only according notably meanwhile elsewhere indeed instead despite while whilst with
    without after before during since until when where why how what which who whom whose if
    then than both either neither all some any many much more most few several each every
    because unless whereas once whether although real
    other another no not yes now today tomorrow yesterday tonight last next first second
    third new old former ex current big top premier league serie la liga bundesliga ligue
    eredivisie champions europa conference cup fa efl carabao super world euro euros uefa
    fifa club clubs side team united city fc afc sc cf ac transfer transfers news rumour
    rumours gossip latest breaking exclusive update live report reports reported sources
    source via per as at by for from in into of on onto to up out over under about against
    between january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday summer winter spring
    autumn window deadline day week month year season mr mrs ms dr sir england scotland
    wales ireland northern france germany spain italy portugal netherlands holland belgium
    brazil argentina uruguay usa america europe africa asia saudi arabia london manchester
    liverpool madrid paris milan turin munich rome lisbon porto barcelona english scottish
    welsh irish french german spanish italian portuguese dutch belgian brazilian argentine
    argentinian american african european asian would could should will shall can might must
    do does did done have has had having be been being is are was were am get got go going
    gone said says say told tells tell reveal revealed claims claim claimed understand
    understands understood confirm confirmed thanks thank well ok okay please oh sorry
    welcome read watch follow share click subscribe sign signed signing sky bbc espn goal
    talksport athletic mail sun mirror express times telegraph guardian independent standard
    star record marca sport mundo gazzetta stay tuned less one two three four five six seven
    eight nine ten player players stars manager managers coach boss director chairman owner
    agent don't didn't can't won't isn't aren't wasn't photo image images getty video
    related filed profit sustainability rules psr ffp tam gam dp mls usmnt u21 u23 u19 u18
    u17
    british russian russians ukrainian ukrainians brazilians argentines argentinians italians
    germans spaniards spaniard frenchmen englishmen dutchmen scots scot turks turkish greeks
    greek croatians croatian serbians serbian swiss danes danish swedes swedish norwegians
    norwegian belgians colombians colombian uruguayans uruguayan mexicans mexican americans
    africans europeans asians saudis qataris qatari emiratis emirati chinese japanese koreans
    korean nigerians nigerian ghanaians ghanaian senegalese ivorians ivorian moroccans
    moroccan egyptians egyptian algerians algerian cameroonians cameroonian poles polish
    czechs czech austrians austrian chileans chilean peruvians peruvian ecuadorians
    paraguayans venezuelans canadians canadian australians australian catalans catalan
    basque basques londoners scousers mancunians geordies
    """
)

# Lower-case words allowed inside a name: "Virgil van Dijk", "Erik ten Hag".
NAME_PARTICLES: frozenset[str] = _words(
    """
    van von der den de del della di da dos das do ten ter le la el al bin ibn mac y e
    """
)

# Clue words for anaphoric pronouns.
PRONOUNS_OBJ: frozenset[str] = frozenset({"him", "his"})

# Words that, before a club, mean the club is not a suitor in this sentence.
FORMER_WORDS: frozenset[str] = frozenset({"former", "ex", "ex-", "erstwhile", "old", "boyhood"})

MONTHS: frozenset[str] = _words(
    """
    january february march april may june july august september october november december
    """
)

# Countries (national teams are not clubs; country names are not people).
COUNTRIES: frozenset[str] = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahrain belarus belgium benin bolivia bosnia brazil bulgaria burkina cameroon
    canada chile china colombia congo croatia cuba cyprus czechia czech denmark ecuador
    egypt england estonia ethiopia finland france gabon gambia georgia germany ghana greece
    guinea haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    ivory jamaica japan jordan kazakhstan kenya korea kosovo kuwait latvia lebanon liberia
    libya lithuania luxembourg macedonia madagascar mali malta mexico moldova montenegro
    morocco mozambique netherlands holland zealand nigeria norway oman panama paraguay peru
    poland portugal qatar romania russia rwanda scotland senegal serbia sierra slovakia
    slovenia somalia spain sudan sweden switzerland syria tanzania togo tunisia turkey
    turkiye uganda ukraine uruguay usa uzbekistan venezuela vietnam wales zambia zimbabwe
    emirates uae curacao suriname faso coast leone rica africa verde arabia herzegovina
    salvador guiana lucia
    """
)

PLAYER_NOUNS = PLAYER_NOUNS | frozenset(
    {"winner", "hero", "sensation", "goalscorer", "scorer", "finisher", "poacher", "dribbler"}
    # "Gunners outcast Jakub Kiwior", "Chelsea flop X": tabloid words for a player his club
    # would let go
    | {"outcast", "flop", "misfit", "exile", "cast-off", "castoff"}
)
