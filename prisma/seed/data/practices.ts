// The good-practice library's first profiles, in the ERASMI structure, written in English from the source
// documents in shared/seeds (Italian editions): Dortmund's "lokal willkommen" (002) and the Erfurt integration
// network (004), ERASMI profiles of December 2020 (CC BY 4.0), and Cologne's municipal integration management
// KIM (001). Lines starting "Note for the library" are the CONSOLIDATE team's reading, not the source's.
import type { Tx } from "@citypeer/db";

type FieldOfIntervention = "LABOUR_MARKET" | "SCHOOLING" | "LANGUAGE" | "HEALTH" | "HOUSING" | "CULTURE_AND_SPORT" | "COUNSELLING" | "SOCIAL_SERVICES" | "OTHER";
type TargetGroup = "REFUGEES" | "EU_MOBILE_CITIZENS" | "THIRD_COUNTRY_NATIONALS" | "OTHER";

export type SeedPractice = {
  /** Slug of the partner city it belongs to; null for a city outside the partnership (place and country say where). */
  orgSlug: string | null;
  communitySlug: "labour-market" | "housing" | "one-stop-shops" | null;
  networkName: string;
  yearFounded: number | null;
  place: string;
  country: string;
  coordination: string;
  cooperationAgreement: string;
  members: string;
  fieldsOfIntervention: FieldOfIntervention[];
  targetGroups: TargetGroup[];
  networkType: string;
  description: string;
  resources: string;
  internalFacilitation: string;
  externalCommunication: string;
  successFactors: string;
  challenges: string;
  evaluation: string;
  sustainability: string;
  impact: string;
  innovation: string;
  transferability: string;
  website: string | null;
  contact: string;
};

const ERASMI_SOURCE = "Source: ERASMI good-practice profile (Erasmus+ project Empowering Regional Actors & Stakeholders for Migrant and Refugee Inclusion), state of information December 2020, CC BY 4.0; translated from the Italian edition.";

export const practices: SeedPractice[] = [
  {
    orgSlug: "dortmund",
    communitySlug: "one-stop-shops",
    networkName: "Integrationsnetzwerk Dortmund \"lokal willkommen\"",
    yearFounded: 2016,
    place: "Dortmund, North Rhine-Westphalia",
    country: "DE",
    coordination: "City of Dortmund, Social Welfare Office",
    cooperationAgreement: "Formal cooperation agreement",
    members:
      "City-wide actors as well as members active locally in the individual city districts: a large number of state and non-state actors in fields such as health care, youth welfare, social and educational services, volunteering, culture and sport.",
    fieldsOfIntervention: ["LABOUR_MARKET", "SCHOOLING", "LANGUAGE", "HEALTH", "HOUSING", "CULTURE_AND_SPORT", "COUNSELLING"],
    targetGroups: ["REFUGEES", "THIRD_COUNTRY_NATIONALS", "OTHER"],
    networkType: "State integration network",
    description: [
      "The state integration network in Dortmund promotes the integration of refugees into urban society by involving as many as possible of the actors engaged in integration work. Target groups: refugees, migrants, NGOs and volunteers.",
      "\"lokal willkommen\" was launched in 2016, first as a one-year pilot project; it moved into regular operation the following year and was later expanded. The core of the concept is a decentralised organisation: so-called \"welcome offices\" in six city districts serve as local contact points. The welcome offices give advice, assistance and information to migrants, volunteers and everyone interested in the neighbourhood. As contact points for stakeholders they also help to network the local actors.",
    ].join("\n\n"),
    resources: [
      "- Central coordination and regular funding by the Social Welfare Office of the City of Dortmund",
      "- Staff provided jointly, in close consultation with a local association of welfare organisations",
      "- Each welcome office is staffed by one municipal employee and one employee of the welfare association",
    ].join("\n"),
    internalFacilitation: [
      "- Regular networking meetings with the individual cooperation partners",
      "- A monthly meeting of all staff of the district welcome offices, with external experts when needed",
      "- \"Round tables\" that the welcome teams organise in their districts with cooperation partners, supporters and stakeholders",
    ].join("\n"),
    externalCommunication:
      "Public relations through information flyers, a dedicated web page and Facebook page, press reports, and taking part in neighbourhood festivals and international neighbourhood festivals.",
    successFactors: [
      "- Close cooperation between the municipality and the local association of welfare organisations pools resources and lets knowledge flow both ways between the two organisations",
      "- A diverse network with direct contact persons, for example in public authorities, doctors' practices, schools and associations, and therefore quick and simple help",
      "- Good access to the target group thanks to the decentralised approach",
      "- Steady growth of the network by recruiting active members",
      "- Activities such as language cafés, German courses, neighbourhood festivals, community gardens and training courses",
      "- Consultation hours (12 hours a week) as a low-threshold offer of advice and information",
      "- Fewer bureaucratic hurdles",
      "- Bringing together people seeking advice and service providers, for example through a database that records both",
    ].join("\n"),
    challenges: [
      "- At the start: drawing the line between the tasks of \"lokal willkommen\" and those of various offices and departments; solved through communication skills and patience",
      "- At the start: language barriers; refugees with language skills worked as volunteer language mediators, and meanwhile there is also funding for language mediators",
      "- Lack of continuity of the offers run by volunteers",
      "- Recruiting volunteers, and participants for the volunteers' offers, is difficult",
    ].join("\n"),
    evaluation: [
      "- A project database allows the consultations to be evaluated statistically",
      "- Evaluation forms and reports are used regularly for quality assurance",
    ].join("\n"),
    sustainability:
      "The network pursues several dimensions of sustainability so that it becomes part of the administrative structure in the long term, in line with the municipality's wish to support the target groups over the long term.",
    impact:
      "The public visibility of the innovative concept is underlined by several awards, for example in the federal competition \"Living together hand in hand – shaping communities\" in the category \"outstanding strategic activities\". In 2017 the State Chancellery of North Rhine-Westphalia gave the City of Dortmund the title \"Europaaktive Kommune in Nordrhein-Westfalen\" (Europe-active municipality in North Rhine-Westphalia) for \"lokal willkommen\".",
    innovation:
      "A decentralised organisational structure with district welcome offices: migrants and refugees can be approached directly in the neighbourhood where they live (and often also work).",
    transferability: [
      "Especially in large urban areas, the decentralised structure with district welcome offices can be a very suitable approach to integrating migrants and refugees into local urban society, because they can be approached directly in their neighbourhood. There is great potential for transferring the decentralised approach to other large cities.",
      "Note for the library (CONSOLIDATE): the district welcome offices work as low-threshold one-stop contact points in the neighbourhood, with advice, assistance and information in one place, which makes the profile relevant to the one-stop shops community.",
    ].join("\n\n"),
    website: "https://www.facebook.com/lokalwillkommen/",
    contact: `City of Dortmund, Social Welfare Office, "lokal willkommen". ${ERASMI_SOURCE}`,
  },
  {
    orgSlug: null,
    communitySlug: null,
    networkName: "Netzwerk für Integration der Landeshauptstadt Erfurt (Erfurt integration network)",
    yearFounded: 2004,
    place: "Erfurt, Thuringia",
    country: "DE",
    coordination: "Internationaler Bund – IB Mitte gGmbH (a social NGO), on behalf of the City of Erfurt",
    cooperationAgreement: "Formal cooperation agreement",
    members: "About 80; represented are, among others, administrative bodies, associations, institutions and migrant organisations.",
    fieldsOfIntervention: ["OTHER"],
    targetGroups: ["REFUGEES", "THIRD_COUNTRY_NATIONALS", "OTHER"],
    networkType: "State integration network",
    description: [
      "Since 1999 the \"Netzwerk für Integration der Landeshauptstadt Erfurt\" has served as an association of migrants, public bodies, welfare organisations and other organisations, institutions and individuals involved in the integration of migrants in the city of Erfurt. Its specific aims are to connect the local offers, to build comprehensive, practical and demand-oriented integration support, to promote self-help among migrants and to strengthen the local population's readiness to receive and accept migrants and newcomers.",
      "The network is based at, and works closely with, the City of Erfurt's Centre for Integration and Migration (ZIM), a counselling and cultural centre with multicultural offers for migrants and locals. Field of intervention: inclusion and integration in general. Target groups: public administration, NGOs, volunteers, companies, training providers and others.",
    ].join("\n\n"),
    resources: [
      "- Use of the rooms, materials and infrastructure of the City of Erfurt's Centre for Integration and Migration (ZIM)",
      "- A network coordinator funded by the City of Erfurt",
      "- Special expenses in coordination with the ZIM",
    ].join("\n"),
    internalFacilitation: [
      "- Network meetings for all members (5 times a year) with thematic panels, talks, discussion groups and a networking bar with information tables",
      "- Thematic meetings of the 8 working groups (2-6 meetings a year)",
      "- A calendar of events every two months",
      "- A regularly updated home page",
    ].join("\n"),
    externalCommunication: [
      "- Dedicated member management, including network conferences with thematic panels, talks and networking cafés",
      "- A monthly information mail",
      "- A calendar of events every two months",
      "- Further training and events on integration as needed",
    ].join("\n"),
    successFactors: [
      "- Regular exchange of experience and a culture of open discussion among the members",
      "- The exchange in the working groups is geared to concrete projects and goals",
      "- Recognition of the network by federal authorities, who take part in its conferences regularly",
      "- A clear, well-structured flow of information",
      "- The members know they can benefit from each other's experience and expertise",
      "- The network is flexible and very open to change",
    ].join("\n"),
    challenges: [
      "- Competitive behaviour (for example among language course providers)",
      "- Partial loss of information, because there is no common communication platform and the turnover of members and staff is high",
      "- Too little input from volunteers and migrants",
    ].join("\n"),
    evaluation: [
      "- Regular surveys among the members, and adjustments to the network based on the results",
      "- An annual report that is the basis for the next year's targets",
    ].join("\n"),
    sustainability: "A network coordinator funded by the city and the infrastructure of the ZIM have kept the network running for more than two decades.",
    impact:
      "The network has worked successfully as the link between the city and the local actors for more than two decades, and it expanded in the wake of the sudden increase in refugee migration in 2015 and 2016.",
    innovation: "Coordination of the city's integration network by an NGO on behalf of the city.",
    transferability: "The model of an NGO coordinating the network on behalf of the city is innovative and could be applied in the same way in other municipalities.",
    website: "https://www.integration-migration-thuringen.de/netzwerk",
    contact: `netzwerk@integration-migration-thuringen.de. ${ERASMI_SOURCE}`,
  },
  {
    orgSlug: null,
    communitySlug: "one-stop-shops",
    networkName: "Municipal integration management (KIM), Cologne",
    yearFounded: 2021,
    place: "Cologne, North Rhine-Westphalia",
    country: "DE",
    coordination: "City of Cologne, within the state programme \"Kommunales Integrationsmanagement\" (KIM) of North Rhine-Westphalia",
    cooperationAgreement: "",
    members: "The offices of the municipal administration and the providers of integration offers and services, inside and outside the administration, whose work KIM coordinates.",
    fieldsOfIntervention: ["COUNSELLING", "SOCIAL_SERVICES"],
    targetGroups: ["REFUGEES", "EU_MOBILE_CITIZENS", "THIRD_COUNTRY_NATIONALS"],
    networkType: "Municipal integration management (state programme)",
    description: [
      "Developed from the pilot phase of the project \"Einwanderung gestalten NRW\" (Shaping Immigration NRW), the state government of North Rhine-Westphalia is promoting the introduction of municipal integration management (KIM) in all districts and independent cities of the state.",
      "Municipal integration management sees itself as an integrative steering concept. Its goal is to coordinate and standardise the wide range of offers and services in integration work, within and outside the local administration. The focus is on better cooperation and service delivery in the regular structures; on organising the arrival phase so that it supports integration from the very beginning; on removing barriers and obstacles to accessing the regular services; and on seamless transitions when a person's legal status changes.",
    ].join("\n\n"),
    resources: "Funding from the state programme \"Kommunales Integrationsmanagement\" of North Rhine-Westphalia.",
    internalFacilitation: "",
    externalCommunication: "",
    successFactors: [
      "The goal is reached above all by establishing these quality criteria:",
      "- Developing and expanding cooperation across jurisdictions at the structural level of the municipality",
      "- A holistic, resource-oriented case management for each individual case",
      "- Taking local specifics into account: programmes, the landscape of providers, the make-up of the target groups, the providers' options for implementation, and so on",
      "- Differentiating between the challenges of the various groups of immigrants (EU citizens, for example, have other fields of action than refugees)",
    ].join("\n"),
    challenges: "",
    evaluation: "",
    sustainability: "KIM has run in Cologne since 2021. On 8 December 2022 the Cologne City Council decided that the state programme will continue to be implemented.",
    impact:
      "Successful strategic municipal integration management not only has a positive fiscal and socio-political impact; it also makes the municipality more attractive and changes how it is seen from outside: as an administration oriented to citizens and services that values and recognises diversity.",
    innovation: "Integration management as a steering concept across the administration and its partners rather than a single project.",
    transferability: [
      "The state programme introduces the same management in every district and independent city of North Rhine-Westphalia; its quality criteria are written to fit local specifics.",
      "Note for the library (CONSOLIDATE): KIM shows how a city can make the offers of its own departments and of outside providers work as one coordinated service, a one-stop shop for newcomers, with case management that follows the person through changes of legal status. Relevant to the one-stop shops community.",
    ].join("\n\n"),
    website: null,
    contact: "City of Cologne, municipal integration management (KIM). Source: information of the City of Cologne on KIM (Council decision of 8 December 2022), translated from the Italian edition.",
  },
];

/**
 * Seeds the library's published profiles. Idempotent: a profile is found by its natural key (network name and
 * country) and brought back to the text above, so a second run changes nothing.
 */
export async function seedPractices(tx: Tx, orgIds: Map<string, string>, communityIds: Map<string, string>): Promise<void> {
  for (const { orgSlug, communitySlug, ...p } of practices) {
    const data = {
      ...p,
      status: "PUBLISHED" as const,
      language: "en",
      organizationId: orgSlug ? (orgIds.get(orgSlug) ?? null) : null,
      communityId: communitySlug ? (communityIds.get(communitySlug) ?? null) : null,
    };
    const existing = await tx.practiceProfile.findFirst({ where: { networkName: p.networkName, country: p.country } });
    if (!existing) await tx.practiceProfile.create({ data });
    else if (Object.entries(data).some(([key, value]) => JSON.stringify(existing[key as keyof typeof existing]) !== JSON.stringify(value))) {
      await tx.practiceProfile.update({ where: { id: existing.id }, data });
    }
  }
}
