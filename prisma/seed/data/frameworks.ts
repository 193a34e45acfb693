// Seed data: benchmark frameworks for the three CONSOLIDATE communities of practice.
// Shape follows Eurocities' integration benchmarking: dimensions broken into
// indicators ("key factors"), each scored on a 0-4 maturity scale with evidence.
// Pure data: no imports, no side effects.

export type SeedIndicator = {
  code: string; // e.g. "LM-G1" (community prefix LM / HS / OSS, dimension letter, number); unique within the framework
  title: string; // short, English, <= 80 chars
  guidance: string; // 1-3 sentences: what to look at and what evidence to attach
  levels: [string, string, string, string, string]; // descriptor for maturity level 0,1,2,3,4 (0 = absent ... 4 = embedded/exemplary)
  weight: number; // positive integer 1-3
};

export type SeedDimension = {
  code: string;
  title: string;
  description: string;
  indicators: SeedIndicator[];
};

export type SeedFramework = {
  communitySlug: "labour-market" | "housing" | "one-stop-shops";
  title: string;
  dimensions: SeedDimension[];
};

export const frameworks: SeedFramework[] = [
  // ---------------------------------------------------------------------------
  // 1. Early labour-market integration
  // ---------------------------------------------------------------------------
  {
    communitySlug: "labour-market",
    title: "Early labour-market integration of refugees and other newcomers",
    dimensions: [
      {
        code: "LM-G",
        title: "Governance and strategy",
        description:
          "How the city plans, coordinates and funds the labour-market integration of newcomers, and whether it has moved from emergency measures to a long-term approach.",
        indicators: [
          {
            code: "LM-G1",
            title: "Local labour-market integration strategy with targets",
            guidance:
              "Check whether the city has an adopted strategy or action plan for newcomers' labour-market integration that goes beyond emergency measures, with objectives, a budget and responsible units. Attach the strategy or council decision and the latest progress report.",
            levels: [
              "There is no written strategy; employment support for newcomers happens only through separate projects or emergency measures.",
              "Labour-market measures for newcomers are described in a project or emergency response plan, without targets or funding beyond the current period.",
              "A strategy or action plan names objectives and lead units, but has no measurable targets or recurring budget.",
              "An adopted strategy sets measurable targets, has a recurring municipal budget line and is reviewed at least once a year with partners.",
              "The strategy is part of the city's mainstream employment and economic policy, its targets are reported publicly every year, and it has been revised based on evaluation results.",
            ],
            weight: 3,
          },
          {
            code: "LM-G2",
            title: "Cooperation with the public employment service and other authorities",
            guidance:
              "Look at the arrangements between the city, the public employment service and other authorities that affect newcomers' access to work (migration office, social welfare). Attach cooperation agreements, referral protocols or minutes of joint steering meetings.",
            levels: [
              "The city and the public employment service do not exchange information or refer newcomers to each other.",
              "City and employment service staff cooperate on individual cases through personal contacts only.",
              "Named contact persons and a referral routine exist on both sides, but they are not written down and break down when staff change.",
              "A written cooperation agreement sets out referrals, shared responsibilities and regular joint meetings, including for people whose residence status changes.",
              "The agreement applies in all districts, covers joint case planning and co-funding, and is reviewed every year using shared referral and outcome figures.",
            ],
            weight: 2,
          },
          {
            code: "LM-G3",
            title: "Pathways differentiated by target group and residence status",
            guidance:
              "Assess whether measures take into account the different needs and legal access to work of refugees, asylum seekers, people under temporary protection, EU mobile citizens and other third-country nationals. Attach the target-group analysis or the eligibility overview used by staff.",
            levels: [
              "All newcomers are offered the same measures, or measures are open to one group only, without any analysis of differing needs or rights.",
              "Staff know that rights to work and training differ by group, but there is no written overview and eligibility is checked case by case.",
              "A written overview of rights and eligible measures per target group exists, but the measures themselves are not adapted to each group.",
              "Distinct pathways exist for the main groups, such as fast-track job matching for skilled EU mobile citizens and longer pre-employment pathways for refugees, and eligibility is explained to clients.",
              "Pathways are adjusted regularly using data per target group, and groups excluded from national programmes are covered by local measures.",
            ],
            weight: 2,
          },
        ],
      },
      {
        code: "LM-S",
        title: "Service delivery and individual empowerment",
        description:
          "The support newcomers receive to have their skills recognised, learn the language and find work that matches their abilities.",
        indicators: [
          {
            code: "LM-S1",
            title: "Early skills assessment and recognition of qualifications",
            guidance:
              "Look at when and how newcomers' formal and informal skills are assessed, and how they are helped through recognition of foreign diplomas and professional qualifications. Attach the assessment tool, the average time from arrival to assessment and the number of recognition procedures supported last year.",
            levels: [
              "Skills and qualifications are not assessed; newcomers are directed to whatever job or course is available.",
              "Skills are recorded through a short self-declaration at registration, and clients are only told where to apply for recognition.",
              "A structured skills assessment is offered, but only months after arrival or for some groups, and recognition support is limited to information.",
              "A structured assessment of formal and informal skills is offered within three months of arrival, and advisers help clients prepare recognition applications.",
              "Assessment starts during reception and can be done in the client's language, results follow the person to all services, and partial recognition is completed through bridging courses with training providers or employers.",
            ],
            weight: 3,
          },
          {
            code: "LM-S2",
            title: "Language-plus-work programmes",
            guidance:
              "Check whether language learning is combined with work experience, vocational training or job-specific language, instead of having to be completed before any work-related support. Attach programme descriptions, participant numbers and completion or job-entry rates.",
            levels: [
              "Language courses and employment measures are separate, and newcomers must reach a set language level before getting work-related support.",
              "Some job-related vocabulary is taught in general language courses, but there is no link to workplaces.",
              "One or more pilot programmes combine language classes with internships or vocational training, with few places or one-off funding.",
              "Language-plus-work programmes run regularly in several sectors, with part-time or evening schedules so that participants can work while learning.",
              "Combined programmes are a standard route in the city's offer, are co-designed with employers, include language coaching in the workplace, and their job-entry results are used to adjust them.",
            ],
            weight: 3,
          },
          {
            code: "LM-S3",
            title: "Employment support designed for newcomer women",
            guidance:
              "Assess whether barriers specific to migrant women, such as childcare, care duties, little prior paid work or isolation, are addressed in employment measures. Attach the share of women among participants, a description of women-specific measures and any input from migrant women's organisations.",
            levels: [
              "No measure addresses migrant women's specific barriers, and the share of women among participants is not known.",
              "Women's participation is counted, but measures are not adapted and childcare or timing problems are solved case by case.",
              "Some adaptations exist, such as childcare during courses or women-only groups, but only within individual projects.",
              "Women-centred measures, such as childcare, outreach to women at home, women-only courses and female mentors, are part of the regular offer and have their own targets.",
              "Women-centred measures are co-designed with migrant women's organisations, gender gaps in outcomes are monitored every year, and the findings change how mainstream programmes are run.",
            ],
            weight: 2,
          },
        ],
      },
      {
        code: "LM-P",
        title: "Partnerships, participation and monitoring",
        description:
          "Cooperation with employers and migrant organisations, and the data used to steer labour-market measures.",
        indicators: [
          {
            code: "LM-P1",
            title: "Partnerships with employers",
            guidance:
              "Look at how employers, chambers of commerce and sector bodies take part in job matching, work placements and mentoring, and what support employers get with hiring rules. Attach partnership agreements, the number of active employers and the number of placements in the last year.",
            levels: [
              "The city has no contact with employers about hiring newcomers.",
              "Contacts with individual employers exist through staff or projects, plus occasional job fairs.",
              "The city works with some employers or a chamber of commerce on placements, but without agreed commitments or a contact point for employers.",
              "A dedicated contact point advises employers on legal and practical hiring questions, and agreements with employers or sectors set numbers of placements or jobs.",
              "Employers co-design training and matching, share results with the city, and the partnership also covers retention and diversity management, not only recruitment.",
            ],
            weight: 3,
          },
          {
            code: "LM-P2",
            title: "Involvement of migrants and migrant organisations",
            guidance:
              "Check whether migrants and migrant organisations help design, deliver and assess labour-market measures, for example as peer mentors, advisory members or funded partners. Attach records of co-design sessions, agreements with migrant organisations and examples of changes made after their input.",
            levels: [
              "Migrants and their organisations are not consulted on labour-market measures.",
              "Migrant organisations are informed about measures or asked to pass on information.",
              "Migrants are consulted now and then, e.g. through a survey or a meeting, but there is no record of how their input was used.",
              "Migrant organisations take part in planning and deliver parts of the measures, such as peer mentoring, under funded agreements, and new measures go through co-design sessions.",
              "Migrants sit on the steering group, co-design and joint evaluation are standard for every new measure, and the city documents what changed as a result.",
            ],
            weight: 2,
          },
          {
            code: "LM-P3",
            title: "Data on newcomers' labour-market outcomes",
            guidance:
              "Assess what data the city collects or obtains on newcomers' employment, training and benefit situation, broken down by target group and gender, and how the data are used. Attach a sample report or dashboard and describe the data sources and data-sharing arrangements.",
            levels: [
              "No data on newcomers' labour-market situation are collected or obtained.",
              "Only participant counts from individual projects are available, without outcomes.",
              "Outcome data, such as job entry six months after a measure, exist for some measures but are not broken down by target group or gender.",
              "The city reports employment and training outcomes by target group and gender at least once a year, combining its own data with data from the employment service.",
              "Outcomes are followed over several years, shared with partners, and used in the annual review to change measures and budgets.",
            ],
            weight: 2,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 2. Housing support towards autonomy
  // ---------------------------------------------------------------------------
  {
    communitySlug: "housing",
    title: "Local housing support for the autonomy of refugees and other newcomers",
    dimensions: [
      {
        code: "HS-G",
        title: "Governance, coordination and data",
        description:
          "How the city plans and coordinates housing for newcomers beyond emergency accommodation, and what it knows about their housing situation.",
        indicators: [
          {
            code: "HS-G1",
            title: "Housing strategy moving from emergency shelter to autonomy",
            guidance:
              "Look at whether newcomers' housing is planned in the city's housing or integration strategy, with the aim of moving people from emergency and collective accommodation to independent housing. Attach the relevant strategy sections, council decisions and the budget for housing support.",
            levels: [
              "Housing for newcomers is handled only as emergency or collective accommodation, with no plan for moving people on.",
              "Moving people out of collective accommodation is a stated aim, but there are no measures, targets or responsible unit.",
              "A plan sets out steps towards independent housing, but it relies on temporary project funding and covers only some groups.",
              "The city's housing or integration strategy covers newcomers, sets a target for the average time spent in temporary accommodation and has a recurring budget.",
              "The strategy includes contingency plans for sudden arrivals so that emergency peaks do not undo progress, and its targets are reported and revised every year.",
            ],
            weight: 3,
          },
          {
            code: "HS-G2",
            title: "Coordination across reception, housing and social services",
            guidance:
              "Check how the bodies responsible for reception, social housing allocation, welfare benefits and integration services coordinate, especially when a change of legal status changes a person's housing entitlement. Attach cooperation agreements, transfer procedures or minutes of joint meetings.",
            levels: [
              "Reception, housing and social services work separately, and people often lose their accommodation or benefits when their status changes.",
              "Coordination happens between individual staff members when problems arise.",
              "Contact points and a basic transfer procedure exist, but gaps in accommodation or benefits still occur at the moment of status change.",
              "A written procedure makes sure the housing search starts before the status change, with named responsibilities and no gap in accommodation or benefits.",
              "Agencies share case information with consent, plan jointly for each household leaving reception, and review the procedure every year using data on transitions.",
            ],
            weight: 2,
          },
          {
            code: "HS-G3",
            title: "Data on housing needs and pathways by target group",
            guidance:
              "Assess whether the city knows how many newcomers live in which type of accommodation, for how long and with which needs (household size, disability, gender), broken down by refugees, EU mobile citizens and other third-country nationals. Attach a sample report and describe the data sources.",
            levels: [
              "The city has no data on where or how newcomers live.",
              "Only occupancy figures for reception or emergency facilities are available.",
              "Data on newcomers' housing exist, but they are not broken down by target group, gender or household type, or are not updated regularly.",
              "The city reports at least once a year on housing situations, length of stay in temporary accommodation and unmet needs, by target group, gender and household type.",
              "Housing pathways are followed over time, including overcrowding and homelessness among groups outside reception such as EU mobile citizens, and the data feed into housing planning.",
            ],
            weight: 2,
          },
        ],
      },
      {
        code: "HS-S",
        title: "Housing pathways and individual support",
        description:
          "The housing options and personal support that help newcomers move from temporary accommodation to a home of their own and keep it.",
        indicators: [
          {
            code: "HS-S1",
            title: "Housing-first and transitional housing options",
            guidance:
              "Look at the options between collective accommodation and an independent tenancy, such as housing-first placements, transitional flats, shared flats and host families. Attach descriptions of the schemes, the number of places and the share of households that moved on to a regular tenancy.",
            levels: [
              "The only options are collective accommodation or finding a flat alone on the private market.",
              "A small number of transitional places exist through individual projects, without a plan for moving on.",
              "Transitional housing or a housing-first scheme runs regularly, but it has long waiting lists or excludes some groups, and move-on rates are not tracked.",
              "Housing-first and transitional options with support attached are open to all main target groups, and tenancies are transferred to the occupant where possible.",
              "Housing-first is the default for vulnerable newcomers, transitional places are planned on needs data, and move-on rates to stable tenancies are used to improve the schemes.",
            ],
            weight: 3,
          },
          {
            code: "HS-S2",
            title: "Tenancy support and housing literacy, co-designed with migrants",
            guidance:
              "Check whether newcomers get help, in their language, to search for, obtain and keep a home: rights and duties of tenants, budgeting, dealing with landlords and neighbours. Attach course or guide materials, a description of how migrants helped design them and the number of households supported.",
            levels: [
              "Newcomers receive no support on how to find or keep a home.",
              "Written information on renting exists, but only in the national language or without any personal support.",
              "Housing advice and courses are offered in the main languages, but they were designed without migrants' input and stop when people move in.",
              "Tenancy support continues for at least the first months of a tenancy, and materials and courses were developed with migrants and peer advisers.",
              "Trained migrant peer advisers are part of the service, support ends when goals agreed in the household's plan are met, and eviction rates of supported households are monitored.",
            ],
            weight: 2,
          },
          {
            code: "HS-S3",
            title: "Safe and suitable housing for women and families",
            guidance:
              "Assess whether housing support takes into account the needs of women, single mothers, survivors of gender-based violence and large families. Attach allocation rules, safety standards for shared accommodation and figures on women-headed households supported.",
            levels: [
              "Housing support does not consider gender or household type, and women are placed in mixed facilities without safety measures.",
              "Individual women at risk are moved to other accommodation once problems are reported.",
              "Some facilities have women-only areas or safety rules, and cases of gender-based violence are referred to specialist services.",
              "Allocation rules give priority to women at risk and single mothers, all shared accommodation meets written safety standards, and large families can access suitable flats.",
              "Housing measures for women are designed with migrant women's organisations, and outcomes for women-headed households are monitored and reported every year.",
            ],
            weight: 2,
          },
        ],
      },
      {
        code: "HS-P",
        title: "Access to the rental market and partnerships",
        description:
          "Work with landlords, housing providers and equality bodies to lower financial barriers and discrimination in the rental market.",
        indicators: [
          {
            code: "HS-P1",
            title: "Landlord mediation and engagement",
            guidance:
              "Look at how the city or its partners recruit and keep private and social landlords, for example through a mediation service, a contact point for landlords and help with disputes. Attach a description of the service, the number of landlords and tenancies involved, and dispute outcomes.",
            levels: [
              "There is no contact with landlords about housing newcomers.",
              "Social workers contact landlords for individual clients, without a common approach.",
              "A mediation service or landlord contact point exists, but with very few staff or only in one project or district.",
              "A city-wide mediation service recruits landlords, matches them with tenants, intervenes in disputes and gives landlords a single contact person.",
              "The mediation service keeps a stable pool of private and social landlords, follows mediated tenancies over time and adapts its offer to landlord and tenant feedback.",
            ],
            weight: 3,
          },
          {
            code: "HS-P2",
            title: "Rental guarantee, deposit and insurance schemes",
            guidance:
              "Check whether financial barriers such as deposits, guarantors, first month's rent and proof of income are lowered through guarantees, loans or insurance. Attach the scheme rules, the number of guarantees issued and the claims made.",
            levels: [
              "Newcomers must pay deposits and find guarantors themselves, with no support.",
              "Deposits are occasionally paid case by case from emergency welfare funds.",
              "A guarantee or deposit scheme exists, but eligibility is narrow, processing is slow or landlords do not know about it.",
              "A municipal rental guarantee or insurance scheme covers deposits and rent arrears, is open to all main target groups and is actively promoted to landlords.",
              "The scheme is run with landlords' associations or insurers, claim rates are monitored, and it is linked to tenancy support so that risks are dealt with before arrears build up.",
            ],
            weight: 2,
          },
          {
            code: "HS-P3",
            title: "Tackling discrimination in access to housing",
            guidance:
              "Assess what the city does about discrimination by landlords and agencies, such as situation testing, support with complaints, training for estate agents and information for newcomers on their rights. Attach testing results, complaint figures or training records.",
            levels: [
              "Discrimination in access to housing is not addressed.",
              "Newcomers who report discrimination are referred to a general equality body.",
              "The city runs awareness activities or informs newcomers of their rights, but has no data on the extent of discrimination.",
              "The city supports complaints, funds regular situation testing with an equality body or NGO, and trains estate agents and its own housing staff.",
              "Testing results are published and followed up with the landlords and agencies concerned, and the city's own allocation rules are checked for indirect discrimination.",
            ],
            weight: 2,
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------
  // 3. One-stop shops
  // ---------------------------------------------------------------------------
  {
    communitySlug: "one-stop-shops",
    title: "One-stop shops for accessible, coordinated services to newcomers",
    dimensions: [
      {
        code: "OSS-G",
        title: "Governance and coordination",
        description:
          "The mandate, agreements and data arrangements that let several agencies work as one service for newcomers.",
        indicators: [
          {
            code: "OSS-G1",
            title: "Single entry point with a mandate across agencies",
            guidance:
              "Look at whether newcomers can reach the main services (registration, residence, work, language, housing, health, education) through one physical or digital entry point, and whether the agencies involved have formally agreed to it. Attach the cooperation agreement, the list of services and the opening hours.",
            levels: [
              "Newcomers must find and visit each service separately.",
              "An information desk directs newcomers to other services, without any agreement with those services.",
              "A one-stop shop hosts some services, but key agencies such as the migration office or employment service are not part of it, or funding is temporary.",
              "A one-stop shop set up by formal agreement brings together the main services on site or by appointment, with a clear mandate and recurring funding.",
              "The one-stop shop is a permanent part of the city's service structure, can scale up during arrival peaks without falling back into emergency mode, and its agreement is reviewed every year.",
            ],
            weight: 3,
          },
          {
            code: "OSS-G2",
            title: "Case management across agencies",
            guidance:
              "Check whether each client with complex needs has one case manager and a shared plan that other agencies follow, including when the person's legal status changes. Attach the case management procedure, an anonymised sample case plan and figures on referral follow-up.",
            levels: [
              "There is no case management: each agency handles its own part, and clients repeat their story to every service.",
              "Staff refer clients to other agencies but do not follow up.",
              "Case managers exist for some groups or projects, but other agencies do not work with their case plans.",
              "Clients with complex needs get a named case manager and a case plan agreed with the other agencies, with referral follow-up and handover rules for status changes.",
              "Holistic case management that builds on clients' own resources is standard across agencies, case plans are reviewed jointly, and recurring blockages between services are fixed.",
            ],
            weight: 3,
          },
          {
            code: "OSS-G3",
            title: "Data sharing with consent and service monitoring",
            guidance:
              "Assess how client data move between agencies, with informed consent and in line with the GDPR, and what the one-stop shop records on demand, waiting times and outcomes by target group and gender. Attach the consent form, the data-sharing agreement and a recent monitoring report.",
            levels: [
              "Agencies do not share client data, and the one-stop shop keeps no statistics.",
              "Data are shared informally, e.g. by email, without a consent procedure, and only visitor numbers are counted.",
              "A consent form and basic statistics exist, but data-sharing rules are not agreed with all agencies and figures are not broken down by target group.",
              "A data-sharing agreement and a multilingual consent procedure cover all partner agencies, and monitoring reports show demand, waiting times and referrals by target group and gender.",
              "All partners use a shared case system with consent-based access, and monitoring data are published and used to plan services and staffing.",
            ],
            weight: 2,
          },
        ],
      },
      {
        code: "OSS-S",
        title: "Access and service delivery",
        description:
          "How easily different groups of newcomers can reach, understand and use the one-stop shop.",
        indicators: [
          {
            code: "OSS-S1",
            title: "Multilingual front desk and interpreting",
            guidance:
              "Look at which languages are available at the front desk and in appointments, how interpreting is organised (staff, cultural mediators, phone or video) and whether written and online information is translated. Attach the list of languages, figures on interpreting use and sample materials.",
            levels: [
              "Services are available only in the national language, and clients bring their own interpreters, often their children.",
              "Interpreting is occasionally provided by volunteers or by staff who happen to speak a language.",
              "Paid interpreting can be booked for appointments, but the front desk and written information are mostly in the national language.",
              "The front desk covers the main newcomer languages through staff or cultural mediators, interpreting is free and bookable, and key information is translated.",
              "Language coverage is planned from data on arriving groups, interpreters and mediators are trained and quality-checked, and information is in plain language in all main languages.",
            ],
            weight: 3,
          },
          {
            code: "OSS-S2",
            title: "Outreach, including digital streetwork",
            guidance:
              "Check how the one-stop shop reaches people who do not come on their own: outreach in neighbourhoods and reception centres, and counselling through social media in newcomers' languages. Attach the outreach plan, the channels and languages used, and contact figures.",
            levels: [
              "The one-stop shop waits for clients to come; there is no outreach.",
              "Information is posted on the city website and occasionally on social media, in the national language only.",
              "Outreach happens in some neighbourhoods or reception centres, or social media channels are run in a few languages, without a plan.",
              "A planned outreach strategy combines neighbourhood work with digital streetwork, in which trained staff answer questions on social media in the main languages and refer people to services.",
              "Outreach targets groups that the data show are under-served, digital counselling follows written quality and data-protection standards, including for AI tools, and results are reviewed regularly.",
            ],
            weight: 2,
          },
          {
            code: "OSS-S3",
            title: "Services differentiated by target group",
            guidance:
              "Assess whether the one-stop shop adapts its offer to groups whose rights and needs differ, such as refugees, people under temporary protection, EU mobile citizens and other third-country nationals. Attach the service map per target group and staff guidance on entitlements.",
            levels: [
              "All visitors get the same service, or some groups, such as EU mobile citizens, are turned away without referral.",
              "Staff know that rights differ by group, but rely on their individual knowledge.",
              "Written guidance on entitlements per group exists, but the services offered are the same for everyone.",
              "The one-stop shop offers distinct service packages for the main groups, such as registration and work rights for EU mobile citizens and a reception-to-housing pathway for refugees.",
              "Service packages are reviewed using demand data per group, and people with limited entitlements are referred to specific local support rather than left without help.",
            ],
            weight: 2,
          },
          {
            code: "OSS-S4",
            title: "Access for women and people with care duties",
            guidance:
              "Look at whether women, especially mothers and women isolated at home, can use the one-stop shop: childcare during appointments, female staff and interpreters on request, women-only hours or groups. Attach a description of the measures and the share of women among clients.",
            levels: [
              "No measure addresses women's access, and the share of women among clients is not known.",
              "The share of women among clients is recorded, but nothing is adapted.",
              "Some measures exist, such as a female interpreter on request, but they depend on individual staff.",
              "Childcare during appointments, female staff on request and women-only sessions are part of the regular offer.",
              "Measures for women's access are designed with migrant women's organisations, and the gap between women's and men's use of services is monitored and acted on.",
            ],
            weight: 2,
          },
        ],
      },
      {
        code: "OSS-P",
        title: "Partnership and co-design",
        description:
          "How migrants, migrant organisations and civil society shape the one-stop shop and take part in running it.",
        indicators: [
          {
            code: "OSS-P1",
            title: "Co-design and feedback with migrants",
            guidance:
              "Check whether migrants helped design the one-stop shop and can give feedback on it, through co-design workshops, user panels or a complaints procedure in their languages. Attach records of co-design activities and examples of changes made as a result.",
            levels: [
              "Migrants are not asked about the design or quality of services.",
              "A general satisfaction survey or comment box exists, in the national language only.",
              "Migrants took part in a one-off consultation, but their input was not documented or followed up.",
              "A user panel or regular co-design workshops with migrants shape the services, and feedback can be given in the main languages.",
              "Migrants are paid or formally recognised partners in design and evaluation, and the one-stop shop publishes what it changed in response to their input.",
            ],
            weight: 3,
          },
          {
            code: "OSS-P2",
            title: "Partnership with civil society and migrant organisations",
            guidance:
              "Assess how NGOs, welfare organisations, migrant organisations and volunteers are linked to the one-stop shop through co-located services, referral agreements, network meetings and shared information channels. Attach the list of partners, agreements and records of network meetings.",
            levels: [
              "The one-stop shop works without civil society partners.",
              "Staff know some NGOs and refer clients to them informally.",
              "Referral agreements exist with some NGOs, but migrant organisations are not involved and offers overlap.",
              "A network of NGOs and migrant organisations meets regularly, partners hold consultation hours in the one-stop shop, and a shared service directory prevents duplicate offers.",
              "Civil society partners have funded roles in the one-stop shop, information is kept on a common platform so that it survives staff turnover, and the network is reviewed through member surveys.",
            ],
            weight: 2,
          },
        ],
      },
    ],
  },
];
