# ruff: noqa: E501  (seed text, kept as the documents have it)
"""The 2015 report (the layout with key messages and indicators) and the 2024 report's narratives, from the seeds."""

_OVERVIEW_2015 = """<p>Drug policy in Laos has had to tackle three separate, albeit overlapping problems.</p>
<p>The first is the fact that the country remains a significant producer of opium. Preliminary data from UNODC suggests that the total area under opium cultivation in 2015 was 5,900 hectares, down from 6,200 in 2014. In most of the areas targeted by alternative development interventions (often referred to as ‘AD projects’), opium production has actually reduced significantly, and in many areas it has stopped completely. Opium use has also fallen sharply in villages where AD projects have been implemented. The vast majority of AD projects have served to increase incomes and boost the standards of living for famers in areas where opium was previously grown, thus reducing the need to cultivate opium for survival. Regrettably, by the end of 2015, there is only one AD project being implemented in Laos. Most importantly, there are no AD interventions in Phongsaly - the province in which 57% of all Lao opium is grown.</p>
<p>The second problem, which drug policy has to confront, is that drug use, and in particular the use ATS or yabaa as it is known, appears to be on the rise. Drug use can develop into disorders. The policy response to drug use is based on a public health approach. The Lao Government has continued to invest in in-patient drug treatment centres as its primary response; a total of eleven centres were operational by mid 2015, and another five will be completed in the next few years. This may alleviate the overcrowding that is experienced in many of the country’s drug treatment centres. At the same time, UNODC and a number of international partners have invested in a community based treatment pilot project.</p>
<p>The third main problem is that significant quantities of opiates, ATS and precursors continue to be trafficked through Laos to neighbouring countries, from where some of it is re-exported to markets with higher purchasing power and demand. Further investments have been made in improving border control, especially in the network of border liaison offices. At the same time, the criminal justice system has sought to direct its resources towards the people and networks that orchestrate, manage, and control the drug industry instead of pursuing non-violent drug users and minor hawkers in the market.</p>
<p>During 2015, a new National Drug Control Master Plan was drafted, which will be implemented until 2020. The new plan is based on a review of the 2009 – 2015 Master Plan, and offers a set of evidence based and pragmatic measures to mitigate the harmful effects of illicit drugs in the Lao PDR.</p>"""

_PERFORMANCE_NOTE_2015 = (
    "<p>Please note, as a snapshot of the 7th NSEDP achievements and challenges is prepared by Department of "
    "Planning/Ministry of Planning and Investment (reporting against substantive indicators), SWGs are only required "
    "to report against process indicators highlighted in the previous year RTM/RTIM follow up matrix. However, an "
    "analysis from the findings can be briefly provided</p>"
)

# (outputs, progress, challenges and measures, key messages, indicator)
ROWS_2015 = [
    (
        "Aim to organise one meeting of the Drugs Sub-Sector Working Group (DSSWG) and one meeting of the Crime "
        "Sub-Sector Working Group (CSSWG).",
        "None of the sub-sector meetings have been held.",
        "The authorities chairing the sub-sector working groups have not convened the members.",
        "The sub-sector working groups appear to lack the capacity to fulfil their mandates.",
        "None",
    ),
    (
        "To conduct one high level Illicit Drug Sector Working Group (IDSWG)/Mini-Dublin Group meeting before the "
        "Roundtable Implementation Meeting in November 2014.",
        "One one high level Illicit Drug Sector Working Group (IDSWG)/Mini-Dublin Group meeting was held before the "
        "Roundtable Implementation Meeting",
        "There is an expectation that these meeting are to be held at hotels. In the past, UNODC had a project to "
        "finance meeting in hotels. This project has ended.",
        "Partners have to be pragmatic and it should be possible to undertake meetings without incurring costs.",
        "",
    ),
    (
        "Conduct at least one field visit to introduce Lao Government target provinces and priority areas to the "
        "Mini-Dublin Group / IDSWG.",
        "No field visits to introduce Lao Government target provinces and priority areas to the Mini-Dublin Group/ "
        "IDSWG have been undertaken.",
        "In the past, UNODC had a project to finance such field trips. This project has ended.",
        "If members find such field trips useful, members should discuss financing options.",
        "None",
    ),
    (
        "To continue supporting the implementation of current LAO-UNODC projects including the implementation of the "
        "Drug Control Master Plan (LAOK48) and various Alternative Development (AD) projects",
        "One AD project was completed and closed during the year (LAOK44) and one new AD project was launched in "
        "Houaphan where 15% of Lao opium is grown.",
        "Currently there is only one AD project being implemented in Laos. There are no AD projects in Phongsaly, "
        "where 57% of Lao opium is produced.",
        "Unless serious investments are made in comprehensive and sustained alternative development (as in "
        "Thailand), Lao opium production is likely to soar in response to the global demand for heroin.",
        "None",
    ),
    (
        "To supervise the implementation of the new LAO-UNODC DDR project (GLOK32)",
        "The project has seen an increase in the number of patients utilising its services.",
        "Most investments continue to be channelled towards residential drug treatment centres.",
        "A clear policy is needed on how CBT should relate to tertiary treatment options (see draft Master Plan)",
        "None",
    ),
    (
        "Implement LAOX26-Strengthening Criminal Justice Responses to Human Trafficking in Lao PDR",
        "A final draft of the TIP Law is ready, a first draft of the evidence manual is ready, and work has begun on "
        "a manual for prosecuting trafficking offences.",
        "The TIP Law has been severely delayed, and there has been reluctance to align it with international "
        "standards.",
        "Laos in on tier 2-watch list for a second consecutive year in a row. It is now critical to take decisive "
        "action to implement recommendations in order to avoid slipping down to tier 3 in 2016.",
        "None",
    ),
    (
        "Regional Programme for Lao segment on East and Southeast Asia Partnership on Criminal Justice Responses to "
        "Terrorism",
        "",
        "",
        "",
        "None",
    ),
    (
        "Regional Programme for Lao segment on PATROL (Partnership against Transnational Crime extended to Environment "
        "Crime through Regional Organized Law Enforcement) CAU (Smuggling of Migrants: Establishment and Operation of "
        "a Coordination and Analysis Unit for East Asia and the Pacific)",
        "All BLOs in Lao PDR have received basic equipment. The L-PAC meeting took place in Vientiane in July 2015 "
        "and the BLO review in Lao PDR has been completed in August. Key materials have been translated into Lao, "
        "including the anti-smuggling manual. Lao PDR participated in the Regional Conference on enhancing "
        "cooperation on border management in ASEAN, and has completed the first ever cross-border training with "
        "Cambodia this year.",
        "The L-PAC should review recommendations and follow-up actions of the last meeting. UNODC will continue to "
        "support the L-PAC and to support border management goals, shifting towards integrated and standardised "
        "solutions against all TOCs.",
        "Inter and intra-agency communication should continue to improve. The L-PAC has prepared its BLO workplan and "
        "should submit it with a report and recommendations for action.",
        "None",
    ),
    (
        "Global Programme T58 for Lao PDR Component assists the Lao Government to intensify efforts for effective "
        "fight against corruption",
        "After completion of the 1st UNCAC cycle in 2013, Lao PDR is preparing for the second cycle (prevention and "
        "assets recovery) and is now participating in the 6th CoSP of the UNCAC in St. Petersburg. In October 2015, "
        "the SIAA has undertaken an anti-corruption capacity development needs assessment with UN agencies.",
        "Lao PDR is lacking capacities and funding to to implement the UNCAC and the government’s strategy against "
        "corruption by 2020, and has requested support from international partners.",
        "Follow-up actions are required to implement the UNCAC recommendations following the first cycle (on "
        "Criminalization and Law Enforcement; and on International Cooperation), as well as to prepare for the second "
        "cycle review.",
        "None",
    ),
    (
        "UNODC-WCO Global Container Programme",
        "The Port Assessment has been completed in September 2015 and the Container Control Programme has been "
        "extended to include Lao PDR.",
        "The MoU needs to be signed to start UNODC-WCO container control activities in Lao PDR.",
        "Key agencies should provide comments to MoFA for the signature of the MoU (MoPS, MoF, LCDC).",
        "None",
    ),
    (
        "Global Programme for Lao segment on East and Southeast Asia Partnership on Anti-Money Laundering",
        "",
        "",
        "",
        "",
    ),
    (
        "Global programme against wildlife and timber trafficking",
        "Following the UNODC assessment of criminal justice responses to environmental crime in Lao PDR in October "
        "2014, numerous training and mentoring activities have been completed (more than 250 officers trained, in "
        "Vientiane, in provinces, and at cross-border locations). Basic equipment and intelligence software have been "
        "provided.",
        "The Environmental Police is relatively new and needs to continue building its capacities.",
        "In September 2015, the ASEAN Ministerial Meeting on Transnational Crime recognized the “wildlife and timber "
        "trafficking” as a new crime area and therefore a security threat for the ASEAN region. UNODC will continue "
        "to support the Lao government against environmental crime.",
        "",
    ),
    (
        "Global Program against Money Laundering",
        "<p>Laos passed its new money Laundering and Terrorist Financing law in February 2015. This was a major "
        "achievement and went some way in addressing the deficiencies identified in the 2012/13 FATF Assessment of "
        "Lao.</p><p>In addition to the money laundering law, Lao also needed to enact a number of regulations or "
        "orders dealing with issues falling out of the law such as customer due diligence, suspicious transaction "
        "reporting and terrorist asset freeze provisions.</p>",
        "<p>Laos was placed under enhanced review by FATF given its poor assessment and is working with the FATF/APG "
        "International Cooperation Review Group to meet an action plan aimed at addressing the deficiencies.</p>"
        "<p>Unfortunately work on implementation of laws and regulations has been slow and in October 2015 the FATF "
        "moved Lao from the grey list to the dark grey list of countries with AML/CFT deficiencies. If there is no "
        "significant progress by February 2016, Lao faces the distinct possibility of being moved to the FATF "
        "blacklist.</p>",
        "The most pressing thing for Lao now is to stay out of the black list. To that end the FATF's regional body, "
        "APG, will visit Vientiane 3/4 December for high level meetings with Ministers and decision makers to try and "
        "secure further political will.",
        "",
    ),
]

REPORT_2015 = {
    "year": 2015,
    "title": "Illicit Drug Sector Working Group (IDSWG) report 2015",
    "state": "final",
    "layout": "2015",
    "swg_name": "Illicit Drug Sector Working Group (IDSWG)",
    "chair_and_cochairs": (
        "Chairperson of the Lao National Commission for Drug Control and Supervision (Chair), the Ambassadors of "
        "Japan and Australia, the Officer in Charge of the UN Office on Drugs and Crime (Co-Chairs)"
    ),
    "key_mandate": (
        "To contribute towards the achievement of the Millennium Development Goals as well as the targets of the 7th "
        "National Socio-economic development plan by coordinating international support for implementation of Lao "
        "Government polices on the production, trafficking and use of illicit drugs."
    ),
    # (kind, title, body, plan name)
    "narratives": [
        (
            "overview",
            "I. Sector Overview: 1.1 A brief report of the sector key interventions and achievement within 2015",
            _OVERVIEW_2015,
            None,
        ),
        ("other", "II. Overview of FY 2014/2015 Sector Performance", _PERFORMANCE_NOTE_2015, None),
    ],
    "matrix": [
        (
            "Reporting against process indicators as per the previous year RTM/RTIM follow up matrix and some other "
            "related activities as appropriate",
            ROWS_2015,
            [],
        ),
    ],
}

_LESSONS_2024 = """<ul>
<li>Despite political will, the ambitious agenda set by Lao PDR is undermined by <strong>limited government capacities</strong> to address ever-evolving illicit drugs market and lack of resources. This suggests the need for more <strong>sustainable funding</strong> mechanisms and capacity-building efforts.</li>
<li>The lack of reliable data on drug production, trafficking and use in Lao PDR has been identified as a significant challenge. <strong>Improved data collection, analysis and monitoring</strong> of trends are essential for the law enforcements' effective resource allocation and targeted interventions.</li>
<li><strong>Regional and international cooperation</strong> is vital including partnership with multilateral institutions such as UNODC. The Lao PDR's participation in regional initiatives like the Safe Mekong Joint Operation, ASEAN Senior Officials on Drug Matters (ASOD), ASEAN Border Management Cooperation Roadmap has contributed to a more coordinated regional response to illicit drug matters.</li>
<li><strong>Alternative Development (AD)</strong> plays a crucial role in providing sustainable economic alternatives and development opportunities to people in rural areas, by reducing dependence on illicit crop cultivation and strengthening social and economic resilience of the communities involved.</li>
</ul>"""

REPORT_2024 = {
    "year": 2024,
    "title": "Illicit Drug Sector Working Group Report 2024",
    "state": "review",
    "layout": "2019",
    "swg_name": "Illicit Drug Sector Working Group (IDSWG)",
    "chair_and_cochairs": (
        "Lao National Commission for Drug Control and Supervision (Chair); the Embassy of Japan and the United "
        "Nations Office on Drugs and Crime (Co-Chairs)"
    ),
    "key_mandate": "",
    "narratives": [
        ("lessons", "Lessons learned from the Illicit Drug Sector Working Group", _LESSONS_2024, None),
        (
            "next_year",
            "Illicit Drug Sector Working Group key priorities for 2025",
            "<p><em>Note: Excerpt from National Agenda for Drug and Precursor Chemical Control (2021-2025)</em></p>",
            "National Agenda for Drug and Precursor Chemical Control 2021-2025",
        ),
        (
            "nsedp",
            "Sector Working Group Key Priorities for the conceptualization of the 10th National Social Economic "
            "Development Plan (2026 - 2030)",
            "<p>Address drug trafficking and transnational organized crime (associated human trafficking, and other "
            "cyber-enabled crimes) its ill effects including treatment and protection of citizens, under Outcome 6: "
            "Effective Government Management, Political Stability, Social Harmony, Justice, and Prosperity. The role "
            "of the relevant law enforcement ministries including Police and Ministry of Public Security</p>",
            "10th National Socio-Economic Development Plan 2026-2030",
        ),
    ],
    "matrix": [],
}
