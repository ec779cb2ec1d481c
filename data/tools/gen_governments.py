#!/usr/bin/env python3
"""Generate data/governments.ttl: one org:Organization per UN member state and observer state.

Run from anywhere: `python3 data/tools/gen_governments.py` rewrites data/governments.ttl next to this
script's parent directory. The country table below is the only input (no network access).

Each row is: (short name, article, official name, other names, demonyms, extra labels)
  short name    the common English short name, used in the label "Government of <short name>"
  article       "the" when English puts the article before the name ("the Netherlands"), else ""
  official name the formal state name ("" when it equals the short name); gives
                "<official name>" and "Government of the <official name>" as altLabels
  other names   other names of the country (abbreviations, former names, spellings)
  demonyms      English adjectives giving "<Demonym> Government" and "<Demonym> government";
                left out when the adjective is shared by two states (Congolese, Korean, Dominican
                for Dominica)
  extra labels  further full labels ("UK Government", "HM Government")

Names that are also everyday English words or pronouns are avoided as bare aliases ("US", "Korea").
"""

from __future__ import annotations

import pathlib
import re
import unicodedata

# fmt: off
COUNTRIES: list[tuple[str, str, str, list[str], list[str], list[str]]] = [
    ("Afghanistan", "", "", [], ["Afghan"], []),
    ("Albania", "", "Republic of Albania", [], ["Albanian"], []),
    ("Algeria", "", "People's Democratic Republic of Algeria", [], ["Algerian"], []),
    ("Andorra", "", "Principality of Andorra", [], ["Andorran"], []),
    ("Angola", "", "Republic of Angola", [], ["Angolan"], []),
    ("Antigua and Barbuda", "", "", [], ["Antiguan"], []),
    ("Argentina", "", "Argentine Republic", [], ["Argentine", "Argentinian"], []),
    ("Armenia", "", "Republic of Armenia", [], ["Armenian"], []),
    ("Australia", "", "Commonwealth of Australia", [], ["Australian"], []),
    ("Austria", "", "Republic of Austria", [], ["Austrian"], []),
    ("Azerbaijan", "", "Republic of Azerbaijan", [], ["Azerbaijani"], []),
    ("Bahamas", "the", "Commonwealth of The Bahamas", ["The Bahamas"], ["Bahamian"], []),
    ("Bahrain", "", "Kingdom of Bahrain", [], ["Bahraini"], []),
    ("Bangladesh", "", "People's Republic of Bangladesh", [], ["Bangladeshi"], []),
    ("Barbados", "", "", [], ["Barbadian"], []),
    ("Belarus", "", "Republic of Belarus", [], ["Belarusian"], []),
    ("Belgium", "", "Kingdom of Belgium", [], ["Belgian"], []),
    ("Belize", "", "", [], ["Belizean"], []),
    ("Benin", "", "Republic of Benin", [], ["Beninese"], []),
    ("Bhutan", "", "Kingdom of Bhutan", [], ["Bhutanese"], []),
    ("Bolivia", "", "Plurinational State of Bolivia", [], ["Bolivian"], []),
    ("Bosnia and Herzegovina", "", "", ["Bosnia-Herzegovina"], ["Bosnian"], []),
    ("Botswana", "", "Republic of Botswana", [], ["Botswana"], []),
    ("Brazil", "", "Federative Republic of Brazil", ["Brasil"], ["Brazilian"], []),
    ("Brunei Darussalam", "", "", ["Brunei"], ["Bruneian"], []),
    ("Bulgaria", "", "Republic of Bulgaria", [], ["Bulgarian"], []),
    ("Burkina Faso", "", "", [], ["Burkinabe"], []),
    ("Burundi", "", "Republic of Burundi", [], ["Burundian"], []),
    ("Cabo Verde", "", "Republic of Cabo Verde", ["Cape Verde"], ["Cabo Verdean", "Cape Verdean"], []),
    ("Cambodia", "", "Kingdom of Cambodia", [], ["Cambodian"], []),
    ("Cameroon", "", "Republic of Cameroon", [], ["Cameroonian"], []),
    ("Canada", "", "", [], ["Canadian"], []),
    ("Central African Republic", "the", "", [], ["Central African"], []),
    ("Chad", "", "Republic of Chad", [], ["Chadian"], []),
    ("Chile", "", "Republic of Chile", [], ["Chilean"], []),
    ("China", "", "People's Republic of China", ["PRC"], ["Chinese"], []),
    ("Colombia", "", "Republic of Colombia", [], ["Colombian"], []),
    ("Comoros", "the", "Union of the Comoros", [], ["Comorian"], []),
    ("Republic of the Congo", "the", "", ["Congo", "Congo-Brazzaville"], [], []),
    ("Costa Rica", "", "Republic of Costa Rica", [], ["Costa Rican"], []),
    ("Côte d'Ivoire", "", "Republic of Côte d'Ivoire", ["Cote d'Ivoire", "Ivory Coast"], ["Ivorian"], []),
    ("Croatia", "", "Republic of Croatia", [], ["Croatian"], []),
    ("Cuba", "", "Republic of Cuba", [], ["Cuban"], []),
    ("Cyprus", "", "Republic of Cyprus", [], ["Cypriot"], []),
    ("Czechia", "", "Czech Republic", [], ["Czech"], []),
    ("Democratic People's Republic of Korea", "the", "", ["North Korea", "DPRK"], ["North Korean"], []),
    ("Democratic Republic of the Congo", "the", "", ["DR Congo", "DRC", "Congo-Kinshasa"], [], []),
    ("Denmark", "", "Kingdom of Denmark", [], ["Danish"], []),
    ("Djibouti", "", "Republic of Djibouti", [], ["Djiboutian"], []),
    ("Dominica", "", "Commonwealth of Dominica", [], [], []),
    ("Dominican Republic", "the", "", [], ["Dominican"], []),
    ("Ecuador", "", "Republic of Ecuador", [], ["Ecuadorian"], []),
    ("Egypt", "", "Arab Republic of Egypt", [], ["Egyptian"], []),
    ("El Salvador", "", "Republic of El Salvador", [], ["Salvadoran"], []),
    ("Equatorial Guinea", "", "Republic of Equatorial Guinea", [], ["Equatorial Guinean"], []),
    ("Eritrea", "", "State of Eritrea", [], ["Eritrean"], []),
    ("Estonia", "", "Republic of Estonia", [], ["Estonian"], []),
    ("Eswatini", "", "Kingdom of Eswatini", ["Swaziland"], ["Swazi"], []),
    ("Ethiopia", "", "Federal Democratic Republic of Ethiopia", [], ["Ethiopian"], []),
    ("Fiji", "", "Republic of Fiji", [], ["Fijian"], []),
    ("Finland", "", "Republic of Finland", [], ["Finnish"], []),
    ("France", "", "French Republic", [], ["French"], []),
    ("Gabon", "", "Gabonese Republic", [], ["Gabonese"], []),
    ("Gambia", "the", "Republic of The Gambia", ["The Gambia"], ["Gambian"], []),
    ("Georgia", "", "", [], ["Georgian"], []),
    ("Germany", "", "Federal Republic of Germany", [], ["German"], ["Federal Government of Germany", "German Federal Government"]),
    ("Ghana", "", "Republic of Ghana", [], ["Ghanaian"], []),
    ("Greece", "", "Hellenic Republic", [], ["Greek"], []),
    ("Grenada", "", "", [], ["Grenadian"], []),
    ("Guatemala", "", "Republic of Guatemala", [], ["Guatemalan"], []),
    ("Guinea", "", "Republic of Guinea", [], ["Guinean"], []),
    ("Guinea-Bissau", "", "Republic of Guinea-Bissau", [], ["Bissau-Guinean"], []),
    ("Guyana", "", "Co-operative Republic of Guyana", [], ["Guyanese"], []),
    ("Haiti", "", "Republic of Haiti", [], ["Haitian"], []),
    ("Honduras", "", "Republic of Honduras", [], ["Honduran"], []),
    ("Hungary", "", "", [], ["Hungarian"], []),
    ("Iceland", "", "", [], ["Icelandic"], []),
    ("India", "", "Republic of India", [], ["Indian"], []),
    ("Indonesia", "", "Republic of Indonesia", [], ["Indonesian"], []),
    ("Iran", "", "Islamic Republic of Iran", [], ["Iranian"], []),
    ("Iraq", "", "Republic of Iraq", [], ["Iraqi"], []),
    ("Ireland", "", "", [], ["Irish"], []),
    ("Israel", "", "State of Israel", [], ["Israeli"], []),
    ("Italy", "", "Italian Republic", [], ["Italian"], []),
    ("Jamaica", "", "", [], ["Jamaican"], []),
    ("Japan", "", "", [], ["Japanese"], []),
    ("Jordan", "", "Hashemite Kingdom of Jordan", [], ["Jordanian"], []),
    ("Kazakhstan", "", "Republic of Kazakhstan", [], ["Kazakh", "Kazakhstani"], []),
    ("Kenya", "", "Republic of Kenya", [], ["Kenyan"], []),
    ("Kiribati", "", "Republic of Kiribati", [], [], []),
    ("Kuwait", "", "State of Kuwait", [], ["Kuwaiti"], []),
    ("Kyrgyzstan", "", "Kyrgyz Republic", [], ["Kyrgyz"], []),
    ("Laos", "", "Lao People's Democratic Republic", ["Lao PDR"], ["Lao", "Laotian"], []),
    ("Latvia", "", "Republic of Latvia", [], ["Latvian"], []),
    ("Lebanon", "", "Lebanese Republic", [], ["Lebanese"], []),
    ("Lesotho", "", "Kingdom of Lesotho", [], ["Lesotho"], []),
    ("Liberia", "", "Republic of Liberia", [], ["Liberian"], []),
    ("Libya", "", "State of Libya", [], ["Libyan"], []),
    ("Liechtenstein", "", "Principality of Liechtenstein", [], ["Liechtenstein"], []),
    ("Lithuania", "", "Republic of Lithuania", [], ["Lithuanian"], []),
    ("Luxembourg", "", "Grand Duchy of Luxembourg", [], ["Luxembourg"], []),
    ("Madagascar", "", "Republic of Madagascar", [], ["Malagasy"], []),
    ("Malawi", "", "Republic of Malawi", [], ["Malawian"], []),
    ("Malaysia", "", "", [], ["Malaysian"], []),
    ("Maldives", "the", "Republic of Maldives", [], ["Maldivian"], []),
    ("Mali", "", "Republic of Mali", [], ["Malian"], []),
    ("Malta", "", "Republic of Malta", [], ["Maltese"], []),
    ("Marshall Islands", "the", "Republic of the Marshall Islands", [], ["Marshallese"], []),
    ("Mauritania", "", "Islamic Republic of Mauritania", [], ["Mauritanian"], []),
    ("Mauritius", "", "Republic of Mauritius", [], ["Mauritian"], []),
    ("Mexico", "", "United Mexican States", [], ["Mexican"], []),
    ("Micronesia", "", "Federated States of Micronesia", [], ["Micronesian"], []),
    ("Moldova", "", "Republic of Moldova", [], ["Moldovan"], []),
    ("Monaco", "", "Principality of Monaco", [], ["Monegasque"], []),
    ("Mongolia", "", "", [], ["Mongolian"], []),
    ("Montenegro", "", "", [], ["Montenegrin"], []),
    ("Morocco", "", "Kingdom of Morocco", [], ["Moroccan"], []),
    ("Mozambique", "", "Republic of Mozambique", [], ["Mozambican"], []),
    ("Myanmar", "", "Republic of the Union of Myanmar", ["Burma"], ["Myanmar"], []),
    ("Namibia", "", "Republic of Namibia", [], ["Namibian"], []),
    ("Nauru", "", "Republic of Nauru", [], ["Nauruan"], []),
    ("Nepal", "", "Federal Democratic Republic of Nepal", [], ["Nepalese", "Nepali"], []),
    ("Netherlands", "the", "Kingdom of the Netherlands", ["The Netherlands"], ["Dutch"], []),
    ("New Zealand", "", "", ["NZ"], ["New Zealand"], []),
    ("Nicaragua", "", "Republic of Nicaragua", [], ["Nicaraguan"], []),
    ("Niger", "", "Republic of the Niger", [], ["Nigerien"], []),
    ("Nigeria", "", "Federal Republic of Nigeria", [], ["Nigerian"], ["Federal Government of Nigeria"]),
    ("North Macedonia", "", "Republic of North Macedonia", ["Macedonia"], ["North Macedonian"], []),
    ("Norway", "", "Kingdom of Norway", [], ["Norwegian"], []),
    ("Oman", "", "Sultanate of Oman", [], ["Omani"], []),
    ("Pakistan", "", "Islamic Republic of Pakistan", [], ["Pakistani"], []),
    ("Palau", "", "Republic of Palau", [], ["Palauan"], []),
    ("Panama", "", "Republic of Panama", [], ["Panamanian"], []),
    ("Papua New Guinea", "", "Independent State of Papua New Guinea", ["PNG"], ["Papua New Guinean"], []),
    ("Paraguay", "", "Republic of Paraguay", [], ["Paraguayan"], []),
    ("Peru", "", "Republic of Peru", [], ["Peruvian"], []),
    ("Philippines", "the", "Republic of the Philippines", ["The Philippines"], ["Philippine", "Filipino"], []),
    ("Poland", "", "Republic of Poland", [], ["Polish"], []),
    ("Portugal", "", "Portuguese Republic", [], ["Portuguese"], []),
    ("Qatar", "", "State of Qatar", [], ["Qatari"], []),
    ("Republic of Korea", "the", "", ["South Korea", "ROK"], ["South Korean"], []),
    ("Romania", "", "", [], ["Romanian"], []),
    ("Russian Federation", "the", "", ["Russia"], ["Russian"], []),
    ("Rwanda", "", "Republic of Rwanda", [], ["Rwandan"], []),
    ("Saint Kitts and Nevis", "", "Federation of Saint Kitts and Nevis", ["St Kitts and Nevis", "St. Kitts and Nevis"], [], []),
    ("Saint Lucia", "", "", ["St Lucia", "St. Lucia"], ["Saint Lucian"], []),
    ("Saint Vincent and the Grenadines", "", "", ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"], ["Vincentian"], []),
    ("Samoa", "", "Independent State of Samoa", [], ["Samoan"], []),
    ("San Marino", "", "Republic of San Marino", [], ["Sammarinese"], []),
    ("São Tomé and Príncipe", "", "Democratic Republic of São Tomé and Príncipe", ["Sao Tome and Principe"], [], []),
    ("Saudi Arabia", "", "Kingdom of Saudi Arabia", ["KSA"], ["Saudi", "Saudi Arabian"], []),
    ("Senegal", "", "Republic of Senegal", [], ["Senegalese"], []),
    ("Serbia", "", "Republic of Serbia", [], ["Serbian"], []),
    ("Seychelles", "", "Republic of Seychelles", [], ["Seychellois"], []),
    ("Sierra Leone", "", "Republic of Sierra Leone", [], ["Sierra Leonean"], []),
    ("Singapore", "", "Republic of Singapore", [], ["Singaporean", "Singapore"], []),
    ("Slovakia", "", "Slovak Republic", [], ["Slovak"], []),
    ("Slovenia", "", "Republic of Slovenia", [], ["Slovenian", "Slovene"], []),
    ("Solomon Islands", "", "", [], ["Solomon Islands"], []),
    ("Somalia", "", "Federal Republic of Somalia", [], ["Somali"], ["Federal Government of Somalia"]),
    ("South Africa", "", "Republic of South Africa", [], ["South African"], []),
    ("South Sudan", "", "Republic of South Sudan", [], ["South Sudanese"], []),
    ("Spain", "", "Kingdom of Spain", [], ["Spanish"], []),
    ("Sri Lanka", "", "Democratic Socialist Republic of Sri Lanka", [], ["Sri Lankan"], []),
    ("Sudan", "", "Republic of the Sudan", ["The Sudan"], ["Sudanese"], []),
    ("Suriname", "", "Republic of Suriname", [], ["Surinamese"], []),
    ("Sweden", "", "Kingdom of Sweden", [], ["Swedish"], []),
    ("Switzerland", "", "Swiss Confederation", [], ["Swiss"], ["Swiss Federal Government", "Federal Council of Switzerland", "Swiss Federal Council"]),
    ("Syria", "", "Syrian Arab Republic", [], ["Syrian"], []),
    ("Tajikistan", "", "Republic of Tajikistan", [], ["Tajik"], []),
    ("Thailand", "", "Kingdom of Thailand", [], ["Thai"], ["Royal Thai Government"]),
    ("Timor-Leste", "", "Democratic Republic of Timor-Leste", ["East Timor"], ["Timorese"], []),
    ("Togo", "", "Togolese Republic", [], ["Togolese"], []),
    ("Tonga", "", "Kingdom of Tonga", [], ["Tongan"], []),
    ("Trinidad and Tobago", "", "Republic of Trinidad and Tobago", [], ["Trinidad and Tobago"], []),
    ("Tunisia", "", "Republic of Tunisia", [], ["Tunisian"], []),
    ("Türkiye", "", "Republic of Türkiye", ["Turkiye", "Turkey"], ["Turkish"], []),
    ("Turkmenistan", "", "", [], ["Turkmen"], []),
    ("Tuvalu", "", "", [], ["Tuvaluan"], []),
    ("Uganda", "", "Republic of Uganda", [], ["Ugandan"], []),
    ("Ukraine", "", "", [], ["Ukrainian"], []),
    ("United Arab Emirates", "the", "", ["UAE"], ["Emirati"], []),
    ("United Kingdom", "the", "United Kingdom of Great Britain and Northern Ireland", ["UK", "Great Britain", "Britain"],
     ["British"], ["UK Government", "HM Government", "His Majesty's Government", "Her Majesty's Government"]),
    ("Tanzania", "", "United Republic of Tanzania", [], ["Tanzanian"], []),
    ("United States", "the", "United States of America", ["USA", "U.S.", "U.S.A."],
     [], ["US Government", "U.S. Government", "United States Government", "USG", "US government", "U.S. government", "United States government"]),
    ("Uruguay", "", "Oriental Republic of Uruguay", [], ["Uruguayan"], []),
    ("Uzbekistan", "", "Republic of Uzbekistan", [], ["Uzbek"], []),
    ("Vanuatu", "", "Republic of Vanuatu", [], [], []),
    ("Venezuela", "", "Bolivarian Republic of Venezuela", [], ["Venezuelan"], []),
    ("Vietnam", "", "Socialist Republic of Viet Nam", ["Viet Nam"], ["Vietnamese"], []),
    ("Yemen", "", "Republic of Yemen", [], ["Yemeni"], []),
    ("Zambia", "", "Republic of Zambia", [], ["Zambian"], []),
    ("Zimbabwe", "", "Republic of Zimbabwe", [], ["Zimbabwean"], []),
]

# Non-member observer states of the UN General Assembly.
OBSERVERS: list[tuple[str, str, str, list[str], list[str], list[str]]] = [
    ("Holy See", "the", "", ["Vatican", "Vatican City", "Vatican City State"], [], []),
    ("State of Palestine", "the", "", ["Palestine"], ["Palestinian"], ["Palestinian Authority"]),
]
# fmt: on

HEADER = """\
# Governments of the 193 UN member states and the two observer states (the Holy See, the State of Palestine),
# each as an org:Organization classified gg:Government.
# GENERATED by data/tools/gen_governments.py: edit the table there and re-run it, do not edit this file by hand.
# Parliaments are not listed: the extractor derives "Parliament of <country>" itself.

@prefix gg: <https://w3id.org/govgraph/ns#> .
@prefix ggid: <https://w3id.org/govgraph/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""


def slug(text: str) -> str:
    """Lowercase ASCII slug: accents dropped, every run of other characters becomes one '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def literal(text: str) -> str:
    """A Turtle short string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def with_article(name: str, article: str) -> str:
    return f"{article} {name}" if article else name


def labels_for(row: tuple[str, str, str, list[str], list[str], list[str]]) -> tuple[str, list[str]]:
    """The label and the ordered, de-duplicated altLabels of one country row."""
    name, article, official, others, demonyms, extras = row
    label = f"Government of {with_article(name, article)}"
    alts: list[str] = [name]
    if article:
        alts.append(f"Government of {name}")
    if official:
        alts += [official, f"Government of the {official}"]
    for other in others:
        alts.append(other)
        if other.lower().startswith("the "):
            continue
        alts.append(f"Government of {other}")
        if article and other.isupper():
            alts.append(f"Government of the {other}")
    for demonym in demonyms:
        alts += [f"{demonym} Government", f"{demonym} government"]
    alts += extras
    unique: list[str] = []
    for alt in alts:
        if alt != label and alt not in unique:
            unique.append(alt)
    return label, unique


def render(row: tuple[str, str, str, list[str], list[str], list[str]], observer: bool) -> str:
    label, alts = labels_for(row)
    name, article = row[0], row[1]
    status = "a non-member observer state of the United Nations" if observer else "a member state of the United Nations"
    definition = f"The national government of {with_article(name, article)}, {status}."
    lines = [
        f"ggid:org\\/{slug(label)} a org:Organization ;",
        f"    rdfs:label {literal(label)} ;",
        "    skos:altLabel " + ", ".join(literal(alt) for alt in alts) + " ;",
        "    org:classification gg:Government ;",
        f"    skos:definition {literal(definition)} .",
    ]
    return "\n".join(lines)


def main() -> None:
    assert len(COUNTRIES) == 193, f"expected 193 member states, found {len(COUNTRIES)}"
    assert len(OBSERVERS) == 2
    out = pathlib.Path(__file__).resolve().parent.parent / "governments.ttl"
    blocks = [HEADER, "# UN member states\n"]
    blocks += [render(row, observer=False) + "\n" for row in sorted(COUNTRIES, key=lambda r: slug(r[0]))]
    blocks.append("# UN observer states\n")
    blocks += [render(row, observer=True) + "\n" for row in OBSERVERS]
    out.write_text("\n".join(blocks), encoding="utf-8")
    print(f"wrote {out} ({len(COUNTRIES) + len(OBSERVERS)} governments)")


if __name__ == "__main__":
    main()
