/**
 * The questions of Form I-589 (Application for Asylum and for Withholding of Removal), in the order
 * and with the numbers of the form, each as a short neutral paraphrase of what it asks: never the
 * form's own wording, which is the federal government's to print and changes with each edition.
 * English, Spanish and French, so a person can read the question in their language while the
 * answers stay in English, as the form must be completed in English.
 *
 * Data only: which answer fills each question, and what the completeness check asks of it, is in
 * i589-check.ts. Ids are stable (`A.I.4`); `number` is how the form numbers the item.
 */

import type { DocumentLanguage } from './input.ts';

export const I589_PARTS = ['A.I', 'A.II', 'A.III', 'B', 'C', 'D', 'E', 'F'] as const;
export type I589Part = (typeof I589_PARTS)[number];

/** The title of each part, in English only: the worksheet's headings follow the form. */
export const PART_TITLES: Readonly<Record<I589Part, string>> = {
  'A.I': 'Part A.I: Information about you',
  'A.II': 'Part A.II: Your spouse and children',
  'A.III': 'Part A.III: Your background',
  B: 'Part B: Information about your application',
  C: 'Part C: Additional information about your application',
  D: 'Part D: Your signature',
  E: 'Part E: The person who prepared the application, if not you or close family',
  F: 'Part F: Signature at the asylum interview',
};

export interface I589Question {
  readonly id: string;
  readonly part: I589Part;
  /** The item's number on the form, or a short name where the form has none. */
  readonly number: string;
  /** What the question asks, in each language. */
  readonly asks: Readonly<Record<DocumentLanguage, string>>;
}

function q<const Id extends string>(
  id: Id,
  part: I589Part,
  number: string,
  en: string,
  es: string,
  fr: string,
): I589Question & { readonly id: Id } {
  return { id, part, number, asks: { en, es, fr } };
}

export const I589_QUESTIONS = [
  // Part A.I
  q(
    'A.I.1',
    'A.I',
    '1',
    'Your A-number (Alien Registration Number), if you have one.',
    'Su número A (número de registro de extranjero), si tiene uno.',
    'Votre numéro A (numéro d’enregistrement d’étranger), si vous en avez un.',
  ),
  q(
    'A.I.2',
    'A.I',
    '2',
    'Your U.S. Social Security number, if you have one.',
    'Su número de Seguro Social de Estados Unidos, si tiene uno.',
    'Votre numéro de sécurité sociale américain, si vous en avez un.',
  ),
  q(
    'A.I.3',
    'A.I',
    '3',
    'Your USCIS online account number, if you have one.',
    'Su número de cuenta en línea de USCIS, si tiene uno.',
    'Votre numéro de compte en ligne USCIS, si vous en avez un.',
  ),
  q(
    'A.I.4',
    'A.I',
    '4',
    'Your family name (last name), in full.',
    'Su apellido o apellidos, completos.',
    'Votre nom de famille, en entier.',
  ),
  q('A.I.5', 'A.I', '5', 'Your first (given) name.', 'Su nombre de pila.', 'Votre prénom.'),
  q('A.I.6', 'A.I', '6', 'Your middle name.', 'Su segundo nombre.', 'Votre deuxième prénom.'),
  q(
    'A.I.7',
    'A.I',
    '7',
    'Any other names you have used, such as a maiden name or an alias.',
    'Otros nombres que haya usado, como un apellido de soltera o un alias.',
    'Les autres noms que vous avez utilisés, par exemple un nom de jeune fille ou un pseudonyme.',
  ),
  q(
    'A.I.8',
    'A.I',
    '8',
    'The address where you live in the United States, and your telephone number.',
    'La dirección donde vive en Estados Unidos y su número de teléfono.',
    'L’adresse où vous habitez aux États-Unis et votre numéro de téléphone.',
  ),
  q(
    'A.I.9',
    'A.I',
    '9',
    'Your mailing address in the United States, if it is not where you live.',
    'Su dirección postal en Estados Unidos, si no es donde vive.',
    'Votre adresse postale aux États-Unis, si ce n’est pas là où vous habitez.',
  ),
  q('A.I.10', 'A.I', '10', 'Your gender.', 'Su sexo.', 'Votre sexe.'),
  q(
    'A.I.11',
    'A.I',
    '11',
    'Your marital status: single, married, divorced or widowed.',
    'Su estado civil: soltero, casado, divorciado o viudo.',
    'Votre situation de famille : célibataire, marié, divorcé ou veuf.',
  ),
  q('A.I.12', 'A.I', '12', 'Your date of birth.', 'Su fecha de nacimiento.', 'Votre date de naissance.'),
  q(
    'A.I.13',
    'A.I',
    '13',
    'The city and the country where you were born.',
    'La ciudad y el país donde nació.',
    'La ville et le pays où vous êtes né.',
  ),
  q(
    'A.I.14',
    'A.I',
    '14',
    'The country you are a citizen of today.',
    'El país del que es ciudadano hoy.',
    'Le pays dont vous avez la nationalité aujourd’hui.',
  ),
  q(
    'A.I.15',
    'A.I',
    '15',
    'The country you were a citizen of when you were born.',
    'El país del que era ciudadano al nacer.',
    'Le pays dont vous aviez la nationalité à votre naissance.',
  ),
  q(
    'A.I.16',
    'A.I',
    '16',
    'Your race, ethnic group or tribe.',
    'Su raza, grupo étnico o tribu.',
    'Votre race, groupe ethnique ou tribu.',
  ),
  q('A.I.17', 'A.I', '17', 'Your religion.', 'Su religión.', 'Votre religion.'),
  q(
    'A.I.18',
    'A.I',
    '18',
    'Whether you have been in immigration court proceedings: never, now, or in the past.',
    'Si ha estado en un proceso ante la corte de inmigración: nunca, ahora o en el pasado.',
    'Si vous avez eu une procédure devant le tribunal de l’immigration : jamais, en ce moment, ou par le passé.',
  ),
  q(
    'A.I.19a',
    'A.I',
    '19.a',
    'The date you last left your country.',
    'La fecha en que salió de su país por última vez.',
    'La date à laquelle vous avez quitté votre pays pour la dernière fois.',
  ),
  q(
    'A.I.19b',
    'A.I',
    '19.b',
    'Your current I-94 number, if you have one.',
    'Su número de I-94 actual, si tiene uno.',
    'Votre numéro I-94 actuel, si vous en avez un.',
  ),
  q(
    'A.I.19c',
    'A.I',
    '19.c',
    'Each time you entered the United States, the latest first: the date, the place, and your status.',
    'Cada vez que entró a Estados Unidos, empezando por la última: la fecha, el lugar y su estatus.',
    'Chacune de vos entrées aux États-Unis, la plus récente d’abord : la date, le lieu et votre statut.',
  ),
  q(
    'A.I.20',
    'A.I',
    '20–22',
    'Your last passport or travel document: the country that issued it, its number, and when it expires.',
    'Su último pasaporte o documento de viaje: el país que lo emitió, su número y cuándo vence.',
    'Votre dernier passeport ou document de voyage : le pays qui l’a délivré, son numéro et sa date d’expiration.',
  ),
  q(
    'A.I.23',
    'A.I',
    '23',
    'Your native language, with its dialect if it has one.',
    'Su lengua materna y, si la tiene, su variante dialectal.',
    'Votre langue maternelle et, le cas échéant, son dialecte.',
  ),
  q(
    'A.I.24',
    'A.I',
    '24',
    'Whether you speak English fluently.',
    'Si habla inglés con fluidez.',
    'Si vous parlez couramment l’anglais.',
  ),
  q(
    'A.I.25',
    'A.I',
    '25',
    'The other languages you speak fluently.',
    'Los otros idiomas que habla con fluidez.',
    'Les autres langues que vous parlez couramment.',
  ),

  // Part A.II
  q(
    'A.II.spouse',
    'A.II',
    'Spouse',
    'Your husband or wife, if you are married: name, birth date and place, date and place of the marriage, citizenship, where they are now, and whether this application includes them.',
    'Su esposo o esposa, si está casado: nombre, fecha y lugar de nacimiento, fecha y lugar del matrimonio, nacionalidad, dónde está ahora y si esta solicitud lo incluye.',
    'Votre mari ou votre femme, si vous êtes marié : nom, date et lieu de naissance, date et lieu du mariage, nationalité, où il ou elle se trouve, et si cette demande l’inclut.',
  ),
  q(
    'A.II.children',
    'A.II',
    'Children',
    'Every one of your children, whatever their age, where they live or whether they are married, with the same details for each.',
    'Todos sus hijos, sin importar su edad, dónde viven o si están casados, con los mismos datos de cada uno.',
    'Tous vos enfants, quels que soient leur âge, leur lieu de vie ou leur situation de famille, avec les mêmes renseignements pour chacun.',
  ),

  // Part A.III
  q(
    'A.III.1',
    'A.III',
    '1',
    'Your last address before you came to the United States and, if it was in another country, your last address in the country you fear.',
    'Su última dirección antes de venir a Estados Unidos y, si estaba en otro país, su última dirección en el país al que teme volver.',
    'Votre dernière adresse avant de venir aux États-Unis et, si elle était dans un autre pays, votre dernière adresse dans le pays que vous craignez.',
  ),
  q(
    'A.III.2',
    'A.III',
    '2',
    'Each place you have lived in the past five years, from where you live now backwards, with dates.',
    'Cada lugar donde ha vivido en los últimos cinco años, desde donde vive ahora hacia atrás, con fechas.',
    'Chaque lieu où vous avez habité ces cinq dernières années, de l’actuel au plus ancien, avec les dates.',
  ),
  q(
    'A.III.3',
    'A.III',
    '3',
    'The schools you attended, the latest first: name, kind of school, place and dates.',
    'Las escuelas a las que asistió, empezando por la última: nombre, tipo de escuela, lugar y fechas.',
    'Les établissements scolaires que vous avez fréquentés, le dernier d’abord : nom, type d’établissement, lieu et dates.',
  ),
  q(
    'A.III.4',
    'A.III',
    '4',
    'Your work in the past five years, your current job first: employer and address, what you did, and dates.',
    'Su trabajo en los últimos cinco años, empezando por el actual: empleador y dirección, qué hacía y fechas.',
    'Votre travail ces cinq dernières années, l’emploi actuel d’abord : employeur et adresse, ce que vous faisiez, et les dates.',
  ),
  q(
    'A.III.5',
    'A.III',
    '5',
    'Your mother, father, brothers and sisters: full name, city and country of birth, and where each lives now or that they have died.',
    'Su madre, su padre y sus hermanos y hermanas: nombre completo, ciudad y país de nacimiento, y dónde vive cada uno ahora o si ha fallecido.',
    'Votre mère, votre père, vos frères et sœurs : nom complet, ville et pays de naissance, et où chacun vit aujourd’hui ou s’il est décédé.',
  ),

  // Part B
  q(
    'B.1',
    'B',
    '1',
    'The grounds of your request: race, religion, nationality, political opinion, membership in a particular social group, or the Convention Against Torture.',
    'Los motivos de su solicitud: raza, religión, nacionalidad, opinión política, pertenencia a un grupo social determinado o la Convención contra la Tortura.',
    'Les motifs de votre demande : race, religion, nationalité, opinion politique, appartenance à un certain groupe social, ou la Convention contre la torture.',
  ),
  q(
    'B.1.A',
    'B',
    '1.A',
    'Whether anyone has ever harmed, mistreated or threatened you, your family, or close friends or colleagues. If yes: what happened, when, who did it, and why you think it happened.',
    'Si alguien le ha hecho daño, lo ha maltratado o amenazado alguna vez a usted, a su familia o a amigos cercanos o colegas. Si es así: qué pasó, cuándo, quién lo hizo y por qué cree que ocurrió.',
    'Si quelqu’un vous a déjà fait du mal, maltraité ou menacé, vous, votre famille, des amis proches ou des collègues. Si oui : ce qui s’est passé, quand, qui en est l’auteur, et pourquoi selon vous.',
  ),
  q(
    'B.1.B',
    'B',
    '1.B',
    'Whether you fear harm or mistreatment if you go back to your home country. If yes: what harm, from whom, and why.',
    'Si teme sufrir daño o maltrato si regresa a su país. Si es así: qué daño, de parte de quién y por qué.',
    'Si vous craignez des violences ou des mauvais traitements si vous retournez dans votre pays. Si oui : lesquels, de la part de qui, et pourquoi.',
  ),
  q(
    'B.2',
    'B',
    '2',
    'Whether you or your family were ever accused, charged, arrested, detained, questioned, convicted and sentenced, or jailed in a country other than the United States. If yes: what happened and why.',
    'Si usted o su familia fueron alguna vez acusados, arrestados, detenidos, interrogados, condenados o encarcelados en un país que no sea Estados Unidos. Si es así: qué pasó y por qué.',
    'Si vous ou votre famille avez déjà été accusés, poursuivis, arrêtés, détenus, interrogés, condamnés ou emprisonnés dans un pays autre que les États-Unis. Si oui : ce qui s’est passé et pourquoi.',
  ),
  q(
    'B.3.A',
    'B',
    '3.A',
    'Whether you or your family ever belonged to or were linked with a group in your home country, such as a party, union, religious, student, armed, ethnic or human rights group, or the press. If yes: who, which group, what role, and for how long.',
    'Si usted o su familia pertenecieron alguna vez a un grupo en su país, o estuvieron vinculados con él, como un partido, un sindicato, un grupo religioso, estudiantil, armado, étnico o de derechos humanos, o la prensa. Si es así: quién, qué grupo, qué papel y por cuánto tiempo.',
    'Si vous ou votre famille avez déjà appartenu à un groupe dans votre pays, ou été liés à lui, comme un parti, un syndicat, un groupe religieux, étudiant, armé, ethnique ou de défense des droits humains, ou la presse. Si oui : qui, quel groupe, quel rôle, et pendant combien de temps.',
  ),
  q(
    'B.3.B',
    'B',
    '3.B',
    'Whether you or your family still take part in those groups. If yes: who, and how.',
    'Si usted o su familia siguen participando en esos grupos. Si es así: quién y de qué manera.',
    'Si vous ou votre famille participez encore à ces groupes. Si oui : qui, et de quelle manière.',
  ),
  q(
    'B.4',
    'B',
    '4',
    'Whether you fear torture in your home country or in any other country you could be sent to. If yes: what kind, by whom, and why.',
    'Si teme ser torturado en su país o en cualquier otro país al que podrían enviarlo. Si es así: de qué tipo, por quién y por qué.',
    'Si vous craignez la torture dans votre pays ou dans tout autre pays où l’on pourrait vous renvoyer. Si oui : de quel type, par qui, et pourquoi.',
  ),

  // Part C
  q(
    'C.1',
    'C',
    '1',
    'Whether you, your spouse, children, parents, brothers or sisters ever asked the U.S. government for refugee status, asylum or withholding of removal. If yes: what was decided and what happened next.',
    'Si usted, su cónyuge, sus hijos, sus padres o sus hermanos pidieron alguna vez al gobierno de Estados Unidos el estatus de refugiado, asilo o suspensión de la expulsión. Si es así: qué se decidió y qué pasó después.',
    'Si vous, votre conjoint, vos enfants, vos parents, vos frères ou sœurs avez déjà demandé au gouvernement américain le statut de réfugié, l’asile ou la suspension de l’éloignement. Si oui : ce qui a été décidé et ce qui s’est passé ensuite.',
  ),
  q(
    'C.2.A',
    'C',
    '2.A',
    'Whether, after leaving the country you fear, you or your spouse or children now in the United States passed through or lived in another country before arriving.',
    'Si, después de salir del país al que teme volver, usted o su cónyuge o sus hijos que ahora están en Estados Unidos pasaron por otro país o vivieron en él antes de llegar.',
    'Si, après avoir quitté le pays que vous craignez, vous, votre conjoint ou vos enfants aujourd’hui aux États-Unis avez traversé un autre pays ou y avez vécu avant d’arriver.',
  ),
  q(
    'C.2.B',
    'C',
    '2.B',
    'Whether you or your family ever asked for or received a legal status in a country other than the one you fear. If yes to 2.A or 2.B: for each person, the country, how long, the status, why they left, whether they may go back to live there, and whether they asked for protection there.',
    'Si usted o su familia pidieron o recibieron alguna vez un estatus legal en un país distinto del que teme. Si respondió sí a 2.A o 2.B: para cada persona, el país, cuánto tiempo, el estatus, por qué se fue, si puede volver a vivir allí y si pidió protección allí.',
    'Si vous ou votre famille avez déjà demandé ou obtenu un statut légal dans un autre pays que celui que vous craignez. Si oui à 2.A ou 2.B : pour chaque personne, le pays, la durée, le statut, la raison du départ, si elle peut y retourner pour y vivre, et si elle y a demandé une protection.',
  ),
  q(
    'C.3',
    'C',
    '3',
    'Whether you, your spouse or your children ever ordered, encouraged, helped or took part in harming anyone because of their race, religion, nationality, social group or political opinion.',
    'Si usted, su cónyuge o sus hijos ordenaron, incitaron, ayudaron o participaron alguna vez en hacer daño a alguien por su raza, religión, nacionalidad, grupo social u opinión política.',
    'Si vous, votre conjoint ou vos enfants avez déjà ordonné, encouragé, aidé ou participé à faire du mal à quelqu’un en raison de sa race, sa religion, sa nationalité, son groupe social ou son opinion politique.',
  ),
  q(
    'C.4',
    'C',
    '4',
    'Whether you went back to the country where you were harmed or fear harm after you left it. If yes: when, why, and for how long.',
    'Si volvió al país donde sufrió daño o teme sufrirlo después de haber salido. Si es así: cuándo, por qué y por cuánto tiempo.',
    'Si vous êtes retourné dans le pays où vous avez subi ou craignez des violences après l’avoir quitté. Si oui : quand, pourquoi, et pour combien de temps.',
  ),
  q(
    'C.5',
    'C',
    '5',
    'Whether you are filing more than one year after your last arrival in the United States. If yes: why you did not file within that year.',
    'Si presenta esta solicitud más de un año después de su última llegada a Estados Unidos. Si es así: por qué no la presentó dentro de ese año.',
    'Si vous déposez cette demande plus d’un an après votre dernière arrivée aux États-Unis. Si oui : pourquoi vous ne l’avez pas déposée dans cette année.',
  ),
  q(
    'C.6',
    'C',
    '6',
    'Whether you or a family member included in this application ever committed a crime, or were arrested, charged, convicted or sentenced, in the United States, immigration violations included.',
    'Si usted o un familiar incluido en esta solicitud cometieron alguna vez un delito, o fueron arrestados, acusados, condenados o sentenciados en Estados Unidos, incluidas las infracciones migratorias.',
    'Si vous ou un membre de votre famille inclus dans cette demande avez déjà commis une infraction, ou été arrêtés, poursuivis, condamnés ou punis aux États-Unis, infractions à la loi sur l’immigration comprises.',
  ),

  // Part D
  q(
    'D.name',
    'D',
    'Name',
    'Your full name, printed, and the same name in the alphabet of your native language.',
    'Su nombre completo en letra de imprenta, y el mismo nombre en el alfabeto de su lengua materna.',
    'Votre nom complet en capitales, et le même nom dans l’alphabet de votre langue maternelle.',
  ),
  q(
    'D.family',
    'D',
    'Help',
    'Whether your spouse, a parent or a child helped you fill in this application. If yes: their name and relationship to you.',
    'Si su cónyuge, uno de sus padres o uno de sus hijos lo ayudó a llenar esta solicitud. Si es así: su nombre y su parentesco con usted.',
    'Si votre conjoint, l’un de vos parents ou l’un de vos enfants vous a aidé à remplir cette demande. Si oui : son nom et son lien de parenté avec vous.',
  ),
  q(
    'D.preparer',
    'D',
    'Preparer',
    'Whether someone other than your spouse, a parent or a child prepared this application. If yes, that person fills in Part E.',
    'Si otra persona que no sea su cónyuge, uno de sus padres o uno de sus hijos preparó esta solicitud. Si es así, esa persona llena la Parte E.',
    'Si une personne autre que votre conjoint, l’un de vos parents ou l’un de vos enfants a préparé cette demande. Si oui, cette personne remplit la partie E.',
  ),
  q(
    'D.list',
    'D',
    'Legal help',
    'Whether you were given a list of people who may help with your asylum claim for free or at low cost.',
    'Si le dieron una lista de personas que podrían ayudarlo con su solicitud de asilo gratis o a bajo costo.',
    'Si l’on vous a remis une liste de personnes pouvant vous aider gratuitement ou à faible coût pour votre demande d’asile.',
  ),
  q(
    'D.signature',
    'D',
    'Signature',
    'Your signature and the date you sign, once you have read the whole application or had it read to you in a language you understand.',
    'Su firma y la fecha en que firma, después de leer toda la solicitud o de que se la lean en un idioma que entiende.',
    'Votre signature et la date à laquelle vous signez, après avoir lu toute la demande ou vous l’être fait lire dans une langue que vous comprenez.',
  ),

  // Part E
  q(
    'E.preparer',
    'E',
    'Preparer',
    'The person who prepared the application, if not you or close family: their signature, printed name, address and telephone number.',
    'La persona que preparó la solicitud, si no fue usted ni un familiar cercano: su firma, su nombre en letra de imprenta, su dirección y su teléfono.',
    'La personne qui a préparé la demande, si ce n’est pas vous ou un proche : sa signature, son nom en capitales, son adresse et son téléphone.',
  ),

  // Part F
  q(
    'F.interview',
    'F',
    'Interview',
    'A signature given only at the asylum interview, in front of the officer, swearing that the application is true.',
    'Una firma que se da solo en la entrevista de asilo, ante el oficial, jurando que la solicitud es verdadera.',
    'Une signature donnée seulement lors de l’entretien d’asile, devant l’agent, en jurant que la demande est exacte.',
  ),
];

export type I589QuestionId = (typeof I589_QUESTIONS)[number]['id'];

export function questionById(id: I589QuestionId): I589Question {
  return I589_QUESTIONS.find((x) => x.id === id)!;
}
