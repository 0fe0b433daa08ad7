// What to distribute and where: the source node and library, the target nodes,
// and what each target will use (its library of the same name and type, a new
// one, or none when a library of that name has another type).
import { Button, Card, Checkbox, Form, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/device-error';
import type { Library } from '../../../api/protocol/libraries';
import { NodeSignInForm } from '../../../components/node-sign-in-form';
import { useLang } from '../../../i18n';
import type { TargetView } from '../api/use-distribution';
import { useDistributeT } from '../messages';

export interface NodeOption {
  id: string;
  name: string;
}

export function ChooseCard(props: {
  nodes: readonly NodeOption[];
  /** Nodes without a session (never signed in, or it ended: a restart): listed with their sign-in, not left out unsaid. */
  signedOut: readonly NodeOption[];
  src: string | null;
  libId: number | null;
  libraries: readonly Library[] | undefined;
  librariesLoading: boolean;
  targets: readonly string[];
  views: readonly TargetView[];
  sourceLib: Library | undefined;
  disabled: boolean;
  onSource: (node: string) => void;
  onLibrary: (libId: number) => void;
  onTargets: (nodes: string[]) => void;
}) {
  const dt = useDistributeT();
  const lang = useLang();
  const others = props.nodes.filter((n) => n.id !== props.src);
  const [signingIn, setSigningIn] = useState<NodeOption | null>(null);
  const planText = (v: TargetView): string => {
    if (v.error) return describeError(v.error, lang).title;
    if (!v.plan || !props.sourceLib) return dt('target.reading');
    if (v.plan.kind === 'clash') return dt('target.clash');
    return dt(v.plan.kind === 'use' ? 'target.use' : 'target.create', { name: props.sourceLib.lib_name });
  };
  return (
    <Card title={dt('choose.heading')} className="distribute-choose">
      <Form layout="vertical" disabled={props.disabled}>
        <Space wrap size="large" align="start">
          <Form.Item label={dt('choose.source')} htmlFor="distribute-src">
            <Select
              id="distribute-src"
              className="distribute-select"
              value={props.src ?? undefined}
              placeholder={dt('choose.sourcePlaceholder')}
              options={props.nodes.map((n) => ({ value: n.id, label: n.name }))}
              onChange={props.onSource}
            />
          </Form.Item>
          <Form.Item label={dt('choose.library')} htmlFor="distribute-lib">
            <Select
              id="distribute-lib"
              className="distribute-select"
              loading={props.librariesLoading}
              value={props.libId ?? undefined}
              placeholder={dt(props.src ? 'choose.libraryPlaceholder' : 'choose.sourceFirst')}
              options={(props.libraries ?? []).map((l) => ({
                value: l.lib_id,
                label: dt('library.option', { name: l.lib_name, count: l.picture_no }),
              }))}
              onChange={props.onLibrary}
            />
          </Form.Item>
        </Space>
        <Form.Item label={dt('choose.targets')}>
          {others.length === 0 ? (
            <Typography.Text type="secondary">{dt('choose.noTargets')}</Typography.Text>
          ) : (
            <Checkbox.Group value={[...props.targets]} onChange={(v) => props.onTargets(v as string[])} className="distribute-targets">
              {others.map((n) => {
                const v = props.views.find((x) => x.node === n.id);
                return (
                  <Checkbox key={n.id} value={n.id}>
                    {n.name}
                    {v && props.sourceLib && (
                      <Typography.Text type={v.error || v.plan?.kind === 'clash' ? 'danger' : 'secondary'}>
                        {' '}
                        · {planText(v)}
                      </Typography.Text>
                    )}
                  </Checkbox>
                );
              })}
            </Checkbox.Group>
          )}
          {props.signedOut.length > 0 && (
            <div className="distribute-signed-out">
              <Typography.Text type="secondary">{dt('choose.signedOut')}</Typography.Text>
              {props.signedOut.map((n) => (
                <Button
                  key={n.id}
                  size="small"
                  type="link"
                  onClick={() => setSigningIn(n)}
                  aria-label={dt('choose.signInTo', { node: n.name })}
                >
                  {n.name}
                </Button>
              ))}
            </div>
          )}
        </Form.Item>
      </Form>
      <Modal
        open={signingIn !== null}
        title={signingIn ? dt('choose.signInTo', { node: signingIn.name }) : ''}
        footer={null}
        onCancel={() => setSigningIn(null)}
        destroyOnHidden
      >
        {signingIn && <NodeSignInForm node={signingIn.id} name={signingIn.name} autoFocus onSignedIn={() => setSigningIn(null)} />}
      </Modal>
    </Card>
  );
}
