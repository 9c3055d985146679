# ruff: noqa: E501  (seed text, kept as the documents have it)
"""The text of the demo reports and plans, copied from the seed documents (``shared/seeds``).

Cells are the seeds' own HTML fragments; rows the seeds split across a page break are
joined again. Everything passes through ``reports.sanitise`` when stored, as user input does.
"""

MASTER_PLAN_2016 = {
    "name": "National Drug Control Master Plan 2016-2020",
    "kind": "master_plan",
    "start_year": 2016,
    "end_year": 2020,
    "introduction": (
        "Building on the 2009 – 2015 National Drug Control Master Plan, a new Drug Control Master Plan for the "
        "period 2016 to 2020 was approved by the Lao Government in May 2016. The Master Plan, which was prepared "
        "with support from UNODC and the US, outlines a series of nine priority areas for the Lao Government "
        "between 2016 and 2020."
    ),
    "areas": [
        ("Formulation and improvement of legal instruments concerning narcotic problems", ""),
        ("Data/Information collection and analysis", ""),
        ("Education/Training/Dissemination of the laws and adverse consequences from drug abuse", ""),
        ("Treatment and vocational training for drug addicts", ""),
        ("Alternative development, replacing opium poppy and cannabis cultivation", ""),
        ("Law enforcement", ""),
        ("Precursor control, analysis and test of drug use", ""),
        ("International cooperation", ""),
        (
            "Streamlining the organisational machinery of the national commission for drug control and "
            "supervision at central and local level",
            "",
        ),
    ],
}

NATIONAL_AGENDA_2021 = {
    "name": "National Agenda for Drug and Precursor Chemical Control 2021-2025",
    "kind": "national_agenda",
    "start_year": 2021,
    "end_year": 2025,
    "introduction": "",
    "areas": [
        ("Re-education and dissemination of legal information and adverse consequences due to drug abuse", ""),
        ("Formulation and improvement on drug law and regulation", ""),
        ("Data collection, law enforcement", ""),
        ("Enhance supervision for implementing Drug Control program", ""),
        ("Streamlining the organization for Drug control at Central and Local level", ""),
        ("International cooperation program", ""),
    ],
}

NSEDP_2026 = {
    "name": "10th National Socio-Economic Development Plan 2026-2030",
    "kind": "nsedp",
    "start_year": 2026,
    "end_year": 2030,
    "introduction": (
        "Sector Working Group key priorities for the conceptualization of the 10th National Social Economic "
        "Development Plan (2026 - 2030)."
    ),
    "areas": [
        (
            "Strengthen Legal Framework",
            "Improve drug laws and regulations\n"
            "Enhance public understanding of drug laws and their consequences through targeted educational initiatives",
        ),
        (
            "Strengthen Data Collection and Intelligence Sharing",
            "Improve coordination between agencies for more effective data usage\n"
            "Improve data collection and law enforcement capabilities\n"
            "Strengthen existing systems for data gathering and intelligence sharing",
        ),
        (
            "Expand Regional and International Cooperation",
            "Enhance international cooperation programs\n"
            "Continue to strengthen and expand Border Liaison Offices\n"
            "Expand use of the Mekong MOU on Drug Control",
        ),
        (
            "Focus on High-Level Organized Crime and Precursor Control",
            "Shift law enforcement efforts towards high-level organized crime\n"
            "Build capacity to disrupt supply of precursor chemicals\n"
            "Enhance capacities in financial crime investigation and asset recovery",
        ),
        (
            "Promote Sustainable Alternative Development",
            "Continue to expand and strengthen successful alternative development interventions in opium "
            "cultivation areas\n"
            "Explore regional cooperation on alternative development with Myanmar and Thailand",
        ),
        (
            "Enhance Drug Use Prevention, Treatment, and Care",
            "Increase access to evidence-based drug use prevention, treatment, and care interventions\n"
            "Build capacity of service providers to offer quality services aligned with international standards\n"
            "Enhance the quality of and access to community-based drug treatment sites",
        ),
        (
            "Streamline Organizational Structure",
            "Optimize the organization for Drug Control at Central and Local levels\n"
            "Enhance supervision for implementing Drug Control programs",
        ),
        (
            "Public Awareness and Targeted Interventions for Vulnerable Populations",
            "Conduct advocacy activities for enabling policy and legal environment\n"
            "Enhance community resilience to address drug use negative impact\n"
            "Focus prevention and awareness activities on vulnerable and high-risk populations, such as children, "
            "youth, and women\n"
            "Expand re-education and dissemination of legal information on drug abuse consequences, particularly "
            "tailored for at-risk groups",
        ),
    ],
}

PLANS = (MASTER_PLAN_2016, NATIONAL_AGENDA_2021, NSEDP_2026)

# --- 2019 -------------------------------------------------------------------------------------------------
_RULE_OF_LAW = (
    "<p>Outcome Cross Cutting Areas; action 17 – the importance of the rule of law as the foundation for equality "
    "and development</p>"
)

REPORT_2019 = {
    "year": 2019,
    "title": "Illicit Drug Sector Working Group report 2019",
    "state": "final",
    "layout": "2019",
    "swg_name": "Illicit Drug Sector Working Group",
    "chair_and_cochairs": "La Commission for Drug Control and Supervision",
    "key_mandate": "",
    "narratives": [],
    # (lettered title, rows, [(numbered title, rows)]); a row is (outputs, progress, challenges, priority areas)
    # where priority areas are numbers of the Master Plan 2016-2020.
    "matrix": [
        (
            "Sectoral thematic (substantive) areas",
            [],
            [
                (
                    "Actions/activities relating to the RTIM key recommendations as per Annex 1 (for most relevant "
                    "recommendations only)",
                    [
                        (
                            _RULE_OF_LAW + ' <p style="text-align: center;">and</p> <p>Outcome 1 – Economic '
                            "Development; connectivity and integration</p>",
                            "<p>Enhanced regional transport infrastructure and connectivity following the establishment "
                            "of the ASEAN Economic Community should be complemented by investments in law enforcement "
                            "capacities in order to prevent organized crime from taking advantage of new opportunities. "
                            "A key priority of the sector working group is to enhance capacities of law enforcement "
                            "authorities to combat organized crime, in light of the on-going regional integration "
                            "processes. Key activities have been:</p> <p>Regional cooperation: The Ministry of Public "
                            "Security have taken an active part in several regional cooperation forums, including (a) "
                            "the Mekong MOU on Drug Control, (b) the ASEAN Senior Official Meeting on Transnational "
                            "Crime (SOMTC), (c) the ASEAN Ministerial Meeting on Transnational Crime (AMMTC), (d) the "
                            "ASEAN cooperation Plan to Tackle Illicit Drug Production and Trafficking in the Golden "
                            "Triangle (2017-2019), (e) the ASEAN Work Plan on Securing Communities Against Illicit "
                            "Drugs (2016-2025), and (f) the Safe Mekong coordination centre.</p> <p>Border Liaison "
                            "Offices and Container Control: Expand and build capacities for a network of Border Liaison "
                            "Offices (BLOs) across the country. The purpose of the BLOs is combat organized crime "
                            "through enhance intelligence gathering, intelligence sharing and cooperation. In 2019, "
                            "several capacity building measures have been implemented for 15 existing BLOs, and 7 "
                            "potential new locations have been identified for an expansion. The BLO programme is "
                            "jointly implemented by UNODC and LCDC, and funded by Australia and Canada. Furthermore, a "
                            "Container Control Unit has been established in Thanaleng port on the Thai-Lao friendship "
                            "bridge near Vientiane. The unit was funded by Canada and Australia.</p> <p>Enhanced "
                            "forensic capacities: Digital evidence is becoming increasingly important both for drug "
                            "crimes and other forms of organized crime. In 2019, the first Digital Forensics Laboratory "
                            "was in Laos was opened. The laboratory was established through a cooperation between the "
                            "Ministry of Public Security and UNODC.</p> <p>Capacity building measures for Law "
                            "Enforcement: Several development partners have also supported capacity building measures "
                            "for law enforcement, including (a) the United States supports the Lao Government on "
                            "enhancing border security through an agreement with the Lao customs department, and "
                            "provides trainings and limited operational expenses to the Lao drug control police and "
                            "LCDC; (b) Japan has continued to provide annual training courses to Lao Government "
                            "officials on drug control. Japan is also financially supporting iTWIN, a Japan/Lao project "
                            "conducted by Interpol in 2019 to enhance the capacity if Interpol’s Global Police Secure "
                            "Communications System within Laos; (c) the Australian Federal Police have continued to "
                            "provide law enforcement training and equipment to the Lao police engaged in "
                            "anti-narcotics and other transnational crimes. Australia also supports an ongoing "
                            "programme of capacity building with Lao Immigration and Customs to strengthen Lao PDR’s "
                            "border management systems. In August 2019, Australia also announced a new $30 million "
                            "initiative to help combat transnational crime in the Mekong Region; (e) UNODC has "
                            "supported several capacity building initiatives, including through provision of trainings "
                            "to border officials and provision of field test kits for drug precursors.</p> <p>Money "
                            "Laundering: Both drug crime and other forms of organized crime are facilitated by Money "
                            "Laundering. UNODC has an Anti Money Laundering (AML) advisor based in the country, working "
                            "with national authorities on enhancing capacities for AML. Furthermore, the United Kingdom "
                            "has recently funded two programs on combatting the illegal trade in wildlife and bulk cash "
                            "smuggling. Canada is also providing multi-year support to the Institute for Legal and "
                            "Technical Assistance for capacity building measures to help Lao police and judicial "
                            "authorities disrupt and prosecute transnational organized crime, particularly money "
                            "laundering.</p>",
                            "<p>Enhanced regional transport infrastructure and connectivity following the establishment "
                            "of the ASEAN Economic Community has increased the challenges for Lao authorities in "
                            "combatting organized crime. Southeast Asia’s public security agencies have not kept pace "
                            "with regional economic integration. ASEAN governments have invested heavily in "
                            "infrastructure (for example the Kunming to Vientiane railway in Laos) and ambitious "
                            "cross-border trade pacts, but they have not made parallel investments in public "
                            "security.</p>",
                            (6, 8),
                        ),
                        (
                            _RULE_OF_LAW + " <p>and</p> <p>Outcome 2 – Social development; action 10 – Tackling rural "
                            "poverty and inequalities</p>",
                            "<p>Opium cultivation in Laos is strongly linked to rural poverty and inequality. The Sector "
                            "Working Group therefore focuses on introducing sustainable development models for poor, "
                            "opium growing communities.</p> <p>Important progress has been made through an Alternative "
                            "Development Project in Huaphanh province. The project has been funded by the United States "
                            "and Luxembourg and jointly implemented by the Lao National Commission of Drug Control and "
                            "Supervision and the United Nations Office on Drugs and Crime.</p> <p>The project aims to "
                            "introduce sustainable development models to poor and opium growing communities in Huapanh "
                            "province. Through the project, 381 families have introduced coffee as a livelihoods "
                            "alternative, and are in the process of establishing a farmers' cooperative. The first "
                            "General Assembly meeting of the cooperative is scheduled for November 2019, and the first "
                            "minor coffee harvest is also expected in 2019/2020.</p>",
                            "<p>Poverty remains the key driving factor for opium cultivation, and opium continues to be "
                            "grown by poor and remote communities in the northern upland areas. Further Alternative "
                            "Development interventions are needed.</p>",
                            (5,),
                        ),
                    ],
                ),
                (
                    "Other substantive actions/activities relating to overall sectoral strategies, if applicable, to "
                    "support the implementation of the 8th NSEDP and preparation for the 9th NSEDP",
                    [
                        (
                            "Treatment and vocational training of drug addicts",
                            "Amphetamine-Type Stimulants (ATS) are considered the primary drug of concern in regards "
                            "to drug use in Lao PDR. Supported by UNODC and with funding from the United States, the "
                            "Government of Lao PDR has over the past three years made important progress on enhancing "
                            "availability of evidence based treatment, through the establishment of Community Based "
                            "Treatment Centres. Since 2016, 28 Community Based Treatment Centres have been established "
                            "in different provinces. Further support has been provided to these centres in 2019.",
                            "A marked increase in the production and trafficking of Amphetamine-Type stimulants has "
                            "taken place in the region over the past years. This increased availability also leads to "
                            "increased use and increased demand for evidence based treatment.",
                            (4,),
                        ),
                    ],
                ),
            ],
        ),
        (
            "Communication and outreach activities with the sector and across Sector Working Groups",
            [
                (
                    "Communication channels have been established for the Alternative Development farmers from the "
                    "Vanmai Community, who are in the process of establishing their own coffee cooperative as an "
                    "alternative to opium cultivation:",
                    '<ul style="list-style-type: none">'
                    '<li><a href="http://www.vanmaicoffee.com">www.vanmaicoffee.com</a></li>'
                    '<li><a href="https://twitter.com/vanmaicoffee">https://twitter.com/vanmaicoffee</a></li>'
                    '<li><a href="https://www.facebook.com/vanmaicoffee/">https://www.facebook.com/vanmaicoffee/</a></li>'
                    '<li><a href="https://www.instagram.com/vanmai_coffee/">https://www.instagram.com/vanmai_coffee/</a>'
                    "</li></ul>",
                    "",
                    (5,),
                ),
                (
                    "A field visit to the Container Control Unit in Vientiane was organized for members of the sector "
                    "working group in 2019",
                    "Through the field visit, members of the group learned about challenges border officials face in "
                    "preventing organized crime from trafficking drugs and other illicit goods across the border. The "
                    "members of the group also learned about the work that is made through the Container Control Unit.",
                    "",
                    (6,),
                ),
            ],
            [],
        ),
        (
            "Cross-sectoral thematic areas applied to all SWGs",
            [],
            [
                (
                    "Partnership for Effective Development Cooperation (in accordance to VDCAP 2016-2025)",
                    [
                        (
                            "(Only narrative on each principles)",
                            "The Illicit Drug Sector Working Group (IDSWG) forms part of the National Round Table "
                            "Process and constitutes the sectoral framework for donor coordination in the "
                            "counter-narcotics sector in Laos. The IDSWG is chaired by LCDC, and co-chaired by the Mini "
                            "Dublin Group Chair (Australia or Japan on a yearly rotational basis) and the United "
                            "Nations Office on Drugs and Crime (UNODC).",
                            "",
                            (8,),
                        ),
                    ],
                ),
                (
                    "Innovation and technology",
                    [
                        (
                            "",
                            "Organized crime are increasingly relying on technology. In order to successfully "
                            "investigate and prosecute organized crime, the Government of Lao PDR need to establish "
                            "related capacities. An important initial step was taken in 2019, with the establishment "
                            "of the first digital forensics laboratory in the country.",
                            "",
                            (6,),
                        ),
                    ],
                ),
                (
                    "Promoting gender equality and women’s empowerment and accelerating the adoption and "
                    "implementation of the National Youth Policy",
                    [
                        (
                            "",
                            "Youth are a particularly at-risk group for drug use. Reaching this group with awareness "
                            "raising activities is therefore critical.",
                            "",
                            (3,),
                        ),
                    ],
                ),
            ],
        ),
    ],
}
