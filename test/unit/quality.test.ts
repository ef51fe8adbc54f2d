import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEFAULT_QUALITY_CHECKS,
  QUALITY_CHECKS,
  addItem,
  commonRoles,
  dismissQualityCheck,
  itemsMap,
  orderedItems,
  proposeStory,
  readDismissedChecks,
  restoreQualityCheck,
  storyQuality,
  storyTemplate,
  storyTitle,
  type ItemSnapshot,
  type NewItemFields,
  type QualityOptions,
} from '../../shared/index.js';

/** A snapshot of one item made with addItem, so that it is what a board would hold. */
function item(fields: NewItemFields): ItemSnapshot {
  const doc = new Y.Doc();
  addItem(doc, fields);
  return orderedItems(doc)[0]!;
}

const GOOD = 'As a shopper, I want to filter the search results by price, so that I only see products I can afford';
const CRITERIA = [{ text: 'Given results in several price ranges, when I set a maximum of 50 €, then only products up to 50 € are listed' }];

/** Expects the check to fire on each title (a story with criteria, every check on). */
function firesOn(check: string, titles: string[]): void {
  for (const title of titles) expect(fired({ title }), title).toContain(check);
}

/** Expects the check not to fire on any of the titles. */
function quietOn(check: string, titles: string[]): void {
  for (const title of titles) expect(fired({ title }), title).not.toContain(check);
}

/** The checks that fire, with every check switched on. */
function fired(fields: NewItemFields, options: QualityOptions = {}): string[] {
  return storyQuality(item({ acceptanceCriteria: CRITERIA, ...fields }), { checks: QUALITY_CHECKS, ...options }).map((finding) => finding.check);
}

describe('story quality', () => {
  it('find nothing wrong with a well-written story', () => {
    expect(fired({ title: GOOD })).toEqual([]);
  });

  it('say what is wrong and how to fix it, for every check', () => {
    const findings = storyQuality(item({ title: 'Search and export (CSV). Fast!', estimate: 40 }), { checks: QUALITY_CHECKS, maxEstimate: 13 });
    expect(findings.length).toBeGreaterThan(2);
    for (const finding of findings) {
      expect(QUALITY_CHECKS).toContain(finding.check);
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(10);
      expect(finding.message).toContain(finding.fix);
    }
  });

  describe('well-formed', () => {
    it('fire on a story without a role or without a goal', () => {
      firesOn('well-formed', [
        'Filter search results by price',
        'I want to filter the search results by price, so that I see what I can afford',
      ]);
    });
    it('accept a role and a goal, with or without a benefit, and other wordings of the goal', () => {
      quietOn('well-formed', [
        'As an admin, I want to lock an account',
        "As a publisher, I'd like a tool to check data availability",
        'As a Developer I want to quickly access the data, so that I can investigate',
      ]);
    });
  });

  describe('no-benefit', () => {
    it('fire on a story that does not say why', () => {
      firesOn('no-benefit', ['As an admin, I want to lock an account']);
    });
    it('accept "so that", "in order to" and "so I can"', () => {
      quietOn('no-benefit', [
        GOOD,
        'As an admin, I want to lock an account in order to stop abuse',
        'As an admin, I want to lock an account, so I can stop abuse',
      ]);
    });
  });

  describe('atomic', () => {
    it('fire on two actions joined in the goal, and name them', () => {
      firesOn('atomic', [
        'As a user, I want to search and discover music based on my profile',
        'As an archivist, I want to create and edit agent records',
        'As an admin, I want to see, validate and edit the segmentation of videos',
        'As a user, I want to enter my zip code and get a list of recycling facilities, so that I can choose one',
        'As a patron, I want to view/upload content in several formats',
      ]);
      const finding = storyQuality(item({ title: 'As an archivist, I want to create and edit agent records' }), { checks: ['atomic'] })[0]!;
      expect(finding.message).toContain('create');
      expect(finding.message).toContain('edit');
    });
    it('accept one action on several things, a single fixed action, and "and" in the benefit or in a clause about the object', () => {
      quietOn('atomic', [
        'As a trainer, I want to delete one of my courses or events, so that it is no longer listed',
        'As a parent, I want to track my child’s activity and schedule at camp',
        'As a moderator, I want to copy/paste stories from a spreadsheet',
        'As a user, I want to drag and drop items to reorder them',
        GOOD,
        'As a staff member, I want to process the appeals, so that I can track the outcome and record the impact',
        'As an administrator, I want to run a script that installs the node and tests it',
      ]);
    });
  });

  describe('minimal', () => {
    it('fire on brackets, a second sentence, an e.g. aside, a dash aside, an appended comment', () => {
      firesOn('minimal', [
        'As a user, I want to see my hours (split into products and activities)',
        'As a user, I want to see my hours. See the mockup from Alice',
        'As a manager, I want to know the outcome of the event, e.g., object NN was deleted',
        'As a faculty member, I want to collect my publications -- both those within the repository and without -- into one place',
        'As an older person, I want ALFRED to ask questions but it should be in the domains of my interest',
      ]);
    });
    it('accept a long single sentence and version numbers with full stops', () => {
      quietOn('minimal', [
        GOOD,
        'As an agency user, I want the maximum length allowed for the address to match Schema v1.1.',
      ]);
    });
  });

  describe('uniform', () => {
    it('fire when the story uses other words than the board template', () => {
      firesOn('uniform', [
        'As a publisher, I would like a tool to check data availability',
        'As a repository manager, I need details on the type of data, so that I can plan',
      ]);
      const template = storyTemplate(['As a user, I need X, so that Y', 'As a user, I need Z, so that W', 'As a user, I want V, so that U']);
      expect(template.means).toBe('i need');
      expect(fired({ title: 'As a user, I need a report, so that I can plan' }, { template })).not.toContain('uniform');
      expect(fired({ title: GOOD }, { template })).toContain('uniform');
    });
    it('leave a missing part to well-formed and no-benefit, and ignore capitals and "an"', () => {
      quietOn('uniform', [
        'As an admin, I want to lock an account',
        'As an API user, I want to change the colours, So that I can match my site',
      ]);
    });
  });

  describe('unique', () => {
    it('fire when another item has the same title, given as titles or by the duplicate finder', () => {
      expect(fired({ title: GOOD }, { titles: [`${GOOD.toUpperCase()}.`, 'Something else'] })).toContain('unique');
      expect(fired({ title: GOOD }, { titles: ['Something else'] })).not.toContain('unique');
      expect(fired({ title: GOOD }, { isDuplicate: () => 'As a buyer, I want a price filter' })).toContain('unique');
      expect(fired({ title: GOOD }, { isDuplicate: () => false })).not.toContain('unique');
    });
    it('skip the item itself when the titles are given by id', () => {
      const snapshot = item({ title: GOOD, acceptanceCriteria: CRITERIA });
      expect(storyQuality(snapshot, { checks: ['unique'], titles: new Map([[snapshot.id, GOOD]]) })).toEqual([]);
      expect(storyQuality(snapshot, { checks: ['unique'], titles: new Map([[snapshot.id, GOOD], ['other', GOOD]]) })).toHaveLength(1);
    });
  });

  describe('vague-words', () => {
    it('fire on quality words without a measure in the role or goal, naming them', () => {
      const findings = storyQuality(item({ title: 'As a user, I want a fast and user-friendly checkout, so that I buy more' }), { checks: ['vague-words'] });
      expect(findings).toHaveLength(1);
      expect(findings[0]!.words).toEqual(['fast', 'user-friendly']);
      firesOn('vague-words', [
        'As a depositor, I want to deposit datasets through a simple web interface',
        'As a developer, I want to quickly access the application data',
        'As an archivist, I want to make as much material as possible available',
      ]);
    });
    it('accept a measure nearby, the word used as a verb, and vague words in the benefit', () => {
      quietOn('vague-words', [
        'As a user, I want the search to answer fast (under 2 seconds)',
        'As a user, I want to clear the cache, so that I can start over',
        'As a site visitor, I want a full-text search of the FAQs, so that I can find an answer quickly',
      ]);
    });
  });

  describe('acceptance criteria', () => {
    it('fire on a story without criteria, unless the description holds them', () => {
      expect(fired({ title: GOOD, acceptanceCriteria: [] })).toContain('no-acceptance-criteria');
      expect(fired({ title: GOOD, acceptanceCriteria: [{ text: '  ' }] })).toContain('no-acceptance-criteria');
      expect(fired({ title: GOOD, acceptanceCriteria: [], description: 'Acceptance criteria:\n- Given a search, when I set a maximum price, then only cheaper products show' })).not.toContain('no-acceptance-criteria');
    });
    it('fire on criteria without an observable outcome or with vague words, naming them', () => {
      const findings = storyQuality(item({ title: GOOD, acceptanceCriteria: [{ text: 'Performance' }, { text: 'The filter is fast and intuitive' }, ...CRITERIA] }), { checks: ['untestable-criteria'] });
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toContain('Performance');
      expect(findings[0]!.message).toContain('fast');
      expect(findings[0]!.message).not.toContain('50 €');
    });
    it('accept criteria that state an outcome', () => {
      expect(fired({ title: GOOD, acceptanceCriteria: [{ text: 'The list shows at most 20 products per page' }, { text: 'An empty result says “No products in this price range”' }] })).not.toContain('untestable-criteria');
    });
  });

  describe('estimate-too-large', () => {
    it('fire above the board limit, and only then', () => {
      expect(fired({ title: GOOD, estimate: 21 }, { maxEstimate: 13 })).toContain('estimate-too-large');
      expect(fired({ title: GOOD, estimate: 13 }, { maxEstimate: 13 })).not.toContain('estimate-too-large');
      expect(fired({ title: GOOD, estimate: 100 }, { maxEstimate: null })).not.toContain('estimate-too-large');
      expect(fired({ title: GOOD, estimate: 'XL' }, { maxEstimate: 13 })).not.toContain('estimate-too-large');
      const finding = storyQuality(item({ title: GOOD, estimate: 21 }), { checks: ['estimate-too-large'], maxEstimate: 13 })[0]!;
      expect(finding.message).toContain('21');
      expect(finding.message).toContain('13');
    });
  });

  describe('kinds', () => {
    const BUG_OK = 'Steps to reproduce:\n1. Open the search\n2. Set a maximum price of 50\nExpected: only products up to 50 are listed\nActual: all products are listed';
    it('run the story checks on stories only', () => {
      for (const kind of ['bug', 'task', 'spike', 'epic'] as const) {
        const checks = fired({ title: 'Search and export', kind, description: BUG_OK });
        for (const check of ['well-formed', 'no-benefit', 'atomic', 'uniform', 'no-acceptance-criteria']) expect(checks, `${kind} ${check}`).not.toContain(check);
      }
    });
    it('ask a bug for steps to reproduce and expected and actual behaviour, and only a bug', () => {
      expect(fired({ title: 'Price filter shows every product', kind: 'bug' })).toEqual(expect.arrayContaining(['bug-no-steps', 'bug-no-expected-actual']));
      expect(fired({ title: 'Price filter shows every product', kind: 'bug', description: BUG_OK })).toEqual([]);
      expect(fired({ title: 'Price filter shows every product', kind: 'bug', description: '1. Open the search\n2. Set a maximum price' })).toEqual(['bug-no-expected-actual']);
      expect(fired({ title: 'Filter by price', kind: 'story' })).not.toContain('bug-no-steps');
      expect(fired({ title: 'Filter by price', kind: 'task' })).not.toContain('bug-no-expected-actual');
    });
    it('ask a spike for a question and a time box', () => {
      expect(fired({ title: 'Look at search engines', kind: 'spike' })).toEqual(expect.arrayContaining(['spike-no-question', 'spike-no-timebox']));
      expect(fired({ title: 'Can Postgres full-text search replace Elasticsearch?', kind: 'spike', description: 'Time box: 2 days' })).toEqual([]);
      expect(fired({ title: 'Which search engine fits our data', kind: 'spike', estimate: 3 })).toEqual([]);
      expect(fired({ title: 'Look at search engines', kind: 'story' })).not.toContain('spike-no-timebox');
    });
    it('ask a task to say what to do', () => {
      expect(fired({ title: 'Database', kind: 'task' })).toContain('task-not-actionable');
      expect(fired({ title: 'Migrate the database to version 15', kind: 'task' })).not.toContain('task-not-actionable');
      expect(fired({ title: 'Database', kind: 'story' })).not.toContain('task-not-actionable');
    });
    it('check nothing on done or archived items', () => {
      expect(fired({ title: 'Search and export', status: 'done', acceptanceCriteria: [] })).toEqual([]);
      expect(fired({ title: 'Search and export', archived: true, acceptanceCriteria: [] })).toEqual([]);
    });
  });

  describe('defaults', () => {
    it('run the default checks when none are named, and the default list is part of all checks', () => {
      for (const check of DEFAULT_QUALITY_CHECKS) expect(QUALITY_CHECKS).toContain(check);
      const all = storyQuality(item({ title: 'Search and export (CSV). Fast!', estimate: 40 }), { maxEstimate: 13 });
      for (const finding of all) expect(DEFAULT_QUALITY_CHECKS).toContain(finding.check);
    });
  });
});

describe('dismissing a quality check', () => {
  function board() {
    const doc = new Y.Doc();
    const id = addItem(doc, { title: 'Filter by price' });
    return { doc, id };
  }

  it('keep one key per dismissed check on the item, read back and passed to storyQuality', () => {
    const { doc, id } = board();
    dismissQualityCheck(doc, id, 'well-formed');
    dismissQualityCheck(doc, id, 'no-acceptance-criteria');
    expect(itemsMap(doc).get(id)!.get('qualityDismissed:well-formed')).toBe(true);
    expect(readDismissedChecks(doc, id)).toEqual(['no-acceptance-criteria', 'well-formed']);
    const snapshot = orderedItems(doc)[0]!;
    const checks = storyQuality(snapshot, { checks: QUALITY_CHECKS, dismissed: readDismissedChecks(doc, id) }).map((f) => f.check);
    expect(checks).not.toContain('well-formed');
    expect(checks).not.toContain('no-acceptance-criteria');
    restoreQualityCheck(doc, id, 'well-formed');
    expect(readDismissedChecks(doc, id)).toEqual(['no-acceptance-criteria']);
    expect(storyQuality(snapshot, { checks: QUALITY_CHECKS, dismissed: readDismissedChecks(doc, id) }).map((f) => f.check)).toContain('well-formed');
  });

  it('merge two people dismissing different checks at once', () => {
    const { doc, id } = board();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    dismissQualityCheck(doc, id, 'well-formed');
    dismissQualityCheck(other, id, 'atomic');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(readDismissedChecks(doc, id)).toEqual(['atomic', 'well-formed']);
  });

  it('throw on an unknown item or check, naming it, and write nothing', () => {
    const { doc, id } = board();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => dismissQualityCheck(doc, 'nope', 'well-formed')).toThrow(/nope/);
    expect(() => dismissQualityCheck(doc, id, 'spelling' as never)).toThrow(/spelling/);
    expect(() => restoreQualityCheck(doc, 'nope', 'well-formed')).toThrow(/nope/);
    expect(() => restoreQualityCheck(doc, id, 'spelling' as never)).toThrow(/spelling/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('read no dismissals for an unknown item and ignore keys that name no check', () => {
    const { doc, id } = board();
    itemsMap(doc).get(id)!.set('qualityDismissed:spelling', true);
    itemsMap(doc).get(id)!.set('qualityDismissed:atomic', false);
    expect(readDismissedChecks(doc, id)).toEqual([]);
    expect(readDismissedChecks(doc, 'nope')).toEqual([]);
  });
});

describe('the story assistant', () => {
  it('turn a raw idea into a story with the board’s most common role, a benefit to fill in and Given/When/Then criteria', () => {
    const story = proposeStory('filter search by price', { roles: ['shopper', 'admin'] });
    expect(story.role).toBe('shopper');
    expect(story.roles).toEqual(['shopper', 'admin']);
    expect(story.goal).toBe('filter search by price');
    expect(story.benefit.length).toBeGreaterThan(0);
    expect(story.criteria.length).toBeGreaterThanOrEqual(2);
    for (const criterion of story.criteria) expect(criterion).toMatch(/^Given .+, when .+, then .+/);
    expect(story.criteria[0]).toContain('filter search by price');
  });

  it('fall back to "user", and make a noun phrase into an action', () => {
    const story = proposeStory('Dark mode.');
    expect(story.role).toBe('user');
    expect(story.roles).toEqual(['user']);
    expect(story.goal).toBe('have dark mode');
  });

  it('take the role and goal from an idea that names them', () => {
    expect(proposeStory('admins can lock accounts', { roles: ['user', 'admin'] })).toMatchObject({ role: 'admin', goal: 'lock accounts' });
    expect(proposeStory('As a moderator, I want to export the game as CSV, so that I can archive it')).toMatchObject({ role: 'moderator', goal: 'export the game as CSV', benefit: 'I can archive it' });
    expect(proposeStory('ability to export reports to Excel')).toMatchObject({ goal: 'export reports to Excel' });
    expect(proposeStory('Users should be able to reset their password')).toMatchObject({ role: 'user', goal: 'reset my password' });
  });

  it('write a title that passes the story checks it can pass', () => {
    const story = proposeStory('export reports as PDF', { roles: ['manager'] });
    const title = storyTitle({ ...story, benefit: 'I can send them to the board' });
    expect(title).toBe('As a manager, I want to export reports as PDF, so that I can send them to the board');
    const checks = storyQuality(item({ title, acceptanceCriteria: story.criteria.map((text) => ({ text })) }), { checks: ['well-formed', 'no-benefit', 'atomic', 'minimal', 'uniform', 'vague-words'] });
    expect(checks).toEqual([]);
    expect(storyTitle({ role: 'admin', goal: 'lock accounts', benefit: '' })).toBe('As an admin, I want to lock accounts');
  });

  it('list the roles of "As a …" titles by how often they appear', () => {
    expect(commonRoles(['As a user, I want A', 'As an Admin, I want B', 'as a user, I want C', 'Fix the login', 'As an admin I want D', 'As a user, I want E'])).toEqual(['user', 'admin']);
    expect(commonRoles([])).toEqual([]);
  });
});
