import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { FragmentType } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { MONO } from '@/app/theme';
import { ParcelCard_ShipmentFragmentDoc, type ParcelCard_ShipmentFragment } from '@/gql/graphql';
import { enumLabel } from '@/shared/enumLabel';
import { LogisticsNodeChip } from '@/shared/StatusChip';
import { formatDateTime } from '@/shared/time';
import { useFragmentData } from '@/shared/useFragmentData';
import { parcelSteps } from './parcelSteps';

/** One parcel: carrier, tracking number, and its logistics nodes as a stepper. */
export function ParcelCard({ shipment: ref }: { shipment: FragmentType<ParcelCard_ShipmentFragment> }) {
  const { t } = useTranslation();
  const shipment = useFragmentData(ParcelCard_ShipmentFragmentDoc, ref);
  if (!shipment) return null;
  const { steps, activeStep } = parcelSteps(
    shipment.node,
    shipment.events.map((e) => e.node),
  );
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="parcel">
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {enumLabel(t, 'carrier', shipment.carrier.code)}
        </Typography>
        <Typography variant="body2" component="span">
          <Box component="span" sx={{ color: 'text.secondary', mr: 0.5 }}>
            {t('order.parcel.trackingNumber')}
          </Box>
          <Box component="span" sx={{ fontFamily: MONO }} data-testid="tracking-number">
            {shipment.trackingNumber}
          </Box>
        </Typography>
        {shipment.node ? (
          <LogisticsNodeChip node={shipment.node} />
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('order.parcel.noNode')}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
          {t('order.parcel.shippedAt')} {formatDateTime(shipment.shippedAt)}
        </Typography>
      </Box>
      <Stepper activeStep={activeStep} alternativeLabel aria-label={t('order.parcel.steps')}>
        {steps.map((step) => (
          <Step key={step.node} completed={step.state === 'done'} active={step.state === 'current'}>
            <StepLabel error={step.error}>{enumLabel(t, 'logisticsNode', step.node)}</StepLabel>
          </Step>
        ))}
      </Stepper>
    </Paper>
  );
}
