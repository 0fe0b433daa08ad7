import { SearchOutlined } from '../../../components/icons';
import { Button, Form, Input, Segmented, Select } from 'antd';
import { AGE_MAX, AGE_MIN, FUZZY_KEY_MAX, TIME_PATTERN } from '../../../api/protocol/limits';
import { EMPTY_EXACT, isValidAge, type ExactFields, type GallerySearch, type SearchMode } from '../lib/gallery-view';
import { useLibT } from '../messages';

/**
 * Either the one fuzzy box (name, gender, age, id number, address) or the exact
 * fields: a switch, never both, because the device refuses both at once
 * (§3.10). Switching mode starts that mode empty.
 */
export function GallerySearchForm({ search, onSearch }: { search: GallerySearch; onSearch: (s: GallerySearch) => void }) {
  const t = useLibT();
  return (
    <div className="gallery-search" role="search" aria-label={t('search.label')}>
      <Segmented<SearchMode>
        aria-label={t('search.mode')}
        value={search.mode}
        onChange={(mode) => onSearch(mode === 'fuzzy' ? { mode, key: '' } : { mode, fields: { ...EMPTY_EXACT } })}
        options={[
          { value: 'fuzzy', label: t('search.fuzzy') },
          { value: 'exact', label: t('search.exact') },
        ]}
      />
      {search.mode === 'fuzzy' ? (
        <FuzzyBox key={search.key} value={search.key} onSearch={(key) => onSearch({ mode: 'fuzzy', key })} />
      ) : (
        <ExactForm key={JSON.stringify(search.fields)} value={search.fields} onSearch={(fields) => onSearch({ mode: 'exact', fields })} />
      )}
    </div>
  );
}

function FuzzyBox({ value, onSearch }: { value: string; onSearch: (key: string) => void }) {
  const t = useLibT();
  return (
    <div className="gallery-search__fuzzy">
      <Input.Search
        aria-label={t('search.fuzzyLabel')}
        placeholder={t('search.fuzzyPlaceholder')}
        defaultValue={value}
        maxLength={FUZZY_KEY_MAX}
        allowClear
        enterButton={t('search.go')}
        onSearch={(v) => onSearch(v.trim())}
      />
      <div className="lib-muted lib-small">{t('search.fuzzyHint', { max: FUZZY_KEY_MAX })}</div>
    </div>
  );
}

function ExactForm({ value, onSearch }: { value: ExactFields; onSearch: (fields: ExactFields) => void }) {
  const t = useLibT();
  const [form] = Form.useForm<ExactFields>();
  const submit = (v: ExactFields) =>
    onSearch({
      person_name: (v.person_name ?? '').trim(),
      person_idcard: (v.person_idcard ?? '').trim(),
      person_gender: v.person_gender ?? '',
      person_age: (v.person_age ?? '').trim() === '' ? '' : String(Number(v.person_age)),
      person_addr: (v.person_addr ?? '').trim(),
      create_time: (v.create_time ?? '').trim(),
    });
  return (
    <Form<ExactFields> form={form} layout="inline" initialValues={value} onFinish={submit} className="lib-form gallery-search__exact">
      <Form.Item name="person_name" label={t('face.name')}>
        <Input allowClear autoComplete="off" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="person_idcard" label={t('face.idcard')}>
        <Input allowClear autoComplete="off" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="person_gender" label={t('face.gender')}>
        <Select
          style={{ width: 110 }}
          options={[
            { value: '', label: t('gender.any') },
            { value: '0', label: t('gender.0') },
            { value: '1', label: t('gender.1') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="person_age"
        label={t('face.age')}
        rules={[
          {
            validator: (_r, v: string | undefined) =>
              !v || isValidAge(v.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('face.ageRange', { min: AGE_MIN, max: AGE_MAX }))),
          },
        ]}
      >
        <Input inputMode="numeric" autoComplete="off" style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="person_addr" label={t('face.addr')}>
        <Input allowClear autoComplete="off" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="create_time" label={t('face.created')} rules={[{ pattern: TIME_PATTERN, message: t('search.timeFormat') }]}>
        <Input allowClear autoComplete="off" placeholder="yyyy-MM-dd HH:mm:ss" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {t('search.go')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.setFieldsValue(EMPTY_EXACT);
            onSearch({ ...EMPTY_EXACT });
          }}
        >
          {t('search.clear')}
        </Button>
      </Form.Item>
    </Form>
  );
}
